### maillab's texts in one language, keyed by id (Project Fluent syntax).
### Rust code names a text by its dotted id (imap.code.trycreate); here each "." is
### "-" (see ftl_id in src/protocol/text.rs). { $name } is filled at run time;
### { $count -> [one] ... *[other] ... } picks the language's plural form.
### Keep each text short and plain: a student reads it under the line it explains.
### Another language is another file with the same ids and placeables; ids it
### lacks fall back to English one by one.

## Language: ar

## [imap.cmd]

imap-cmd-capability = طلب قائمة الإمكانات والامتدادات التي يدعمها الخادم.
imap-cmd-noop = لا يفعل شيئًا؛ لكنه يتيح للخادم أن يبلغك بالبريد الجديد وبتغيّر العلامات.
imap-cmd-logout = إنهاء الجلسة: يرد الخادم بـ BYE ثم OK، ثم يغلق الاتصال.
imap-cmd-id = تبادل بيانات التعريف (الاسم، الإصدار) بين العميل والخادم، للسجلات وتتبّع الأخطاء.
imap-cmd-starttls = تحويل هذا الاتصال غير المشفّر إلى TLS قبل تسجيل الدخول.
imap-cmd-authenticate = تسجيل الدخول بآلية SASL (PLAIN أو LOGIN أو CRAM-MD5 ...)، مع الإجابة عن تحديات الخادم (أسطر +) بترميز base64.
imap-cmd-login = تسجيل الدخول باسم المستخدم وكلمة المرور (تُرسلان بدون تشفير ما لم يكن TLS مفعّلًا).
imap-cmd-enable = تشغيل امتدادات تغيّر طريقة كلام الخادم، مثل UTF8=ACCEPT.
imap-cmd-select = فتح صندوق بريد للقراءة والكتابة؛ يبلغك الخادم بأعداده وعلاماته وأرقام UID فيه.
imap-cmd-examine = فتح صندوق بريد للقراءة فقط: مثل SELECT، لكن لا يتغير شيء ولا تُوضع العلامة \Seen.
imap-cmd-create = إنشاء صندوق بريد جديد.
imap-cmd-delete = حذف صندوق بريد وكل الرسائل التي فيه.
imap-cmd-rename = إعادة تسمية صندوق بريد (إعادة تسمية INBOX تنقل رسائله إلى الصندوق الجديد).
imap-cmd-subscribe = إضافة صندوق بريد إلى قائمة الاشتراكات التي يعرضها LSUB.
imap-cmd-unsubscribe = إزالة صندوق بريد من قائمة الاشتراكات.
imap-cmd-list = عرض صناديق البريد المطابقة لنمط: * تطابق كل شيء، و% تتوقف عند الفاصل الهرمي.
imap-cmd-lsub = عرض صناديق البريد المشترك فيها والمطابقة لنمط.
imap-cmd-namespace = السؤال عن مكان صناديق البريد الشخصية وصناديق المستخدمين الآخرين والصناديق المشتركة، وعن الفاصل الذي تستخدمه.
imap-cmd-status = طلب أعداد صندوق بريد (MESSAGES، UNSEEN، UIDNEXT ...) دون تحديده.
imap-cmd-append = إضافة رسالة إلى صندوق بريد؛ وتأتي الرسالة بعد الأمر نصًا حرفيًا (literal) {"{"}size{"}"}.
imap-cmd-idle = انتظار أن يرسل الخادم التغييرات (بريد جديد، حذف نهائي) لحظة حدوثها؛ أنهِه بـ DONE.
imap-cmd-done = إنهاء IDLE: بعده يجيب الخادم عن الأمر IDLE برده OK ذي المعرف.
imap-cmd-check = طلب نقطة حفظ للصندوق المحدد (لا يفعل شيئًا في أغلب الخوادم).
imap-cmd-close = إغلاق الصندوق مع حذف الرسائل التي عليها العلامة \Deleted بصمت؛ ثم العودة إلى حالة «بعد المصادقة».
imap-cmd-unselect = إغلاق الصندوق دون حذف رسائل \Deleted؛ ثم العودة إلى حالة «بعد المصادقة».
imap-cmd-expunge = حذف كل رسالة عليها العلامة \Deleted حذفًا نهائيًا؛ ويُبلَّغ عن كل حذف بسطر * N EXPUNGE.
imap-cmd-search = البحث عن رسائل تطابق شروطًا؛ الجواب سطر * SEARCH فيه أرقامها التسلسلية.
imap-cmd-fetch = جلب بيانات عن الرسائل: العلامات، الظرف، حقول الرأس، أجزاء نص الرسالة، الحجم، UID ...
imap-cmd-store = تغيير علامات الرسائل: FLAGS يستبدلها، و+FLAGS يضيف، و-FLAGS يزيل؛ ومع .SILENT لا يُعاد عرضها.
imap-cmd-copy = نسخ رسائل إلى صندوق بريد آخر.
imap-cmd-move = نقل رسائل إلى صندوق بريد آخر (نسخ، ثم حذف نهائي من هذا الصندوق).
imap-cmd-uid = تنفيذ FETCH أو SEARCH أو STORE أو COPY أو MOVE أو EXPUNGE بأرقام UID (الرقم الفريد للرسالة) بدل الأرقام التسلسلية.
imap-cmd-uid_fetch = FETCH بأرقام UID: الأرقام المعطاة أرقام UID، وكل جواب يتضمن UID.
imap-cmd-uid_search = SEARCH، مع الإجابة بأرقام UID بدل الأرقام التسلسلية.
imap-cmd-uid_store = STORE بأرقام UID.
imap-cmd-uid_copy = COPY بأرقام UID.
imap-cmd-uid_move = MOVE بأرقام UID.
imap-cmd-uid_expunge = حذف نهائي لأرقام UID المذكورة فقط من بين رسائل \Deleted (UIDPLUS).

## [smtp.cmd]

smtp-cmd-helo = التحية مع اسم جهازك (تحية SMTP الأصلية، بلا امتدادات).
smtp-cmd-ehlo = التحية مع اسم جهازك، والسؤال عن الامتدادات التي يقدمها الخادم (ESMTP).
smtp-cmd-starttls = تحويل هذا الاتصال غير المشفّر إلى TLS؛ ثم أرسل EHLO من جديد.
smtp-cmd-auth = تسجيل الدخول بآلية SASL (PLAIN أو LOGIN أو CRAM-MD5)، مع الإجابة عن تحديات 334 بترميز base64.
smtp-cmd-mail = بدء رسالة جديدة وتحديد مرسل الظرف (إليه تعود إشعارات فشل التسليم).
smtp-cmd-rcpt = إضافة مستلم واحد إلى الظرف؛ كرّره لكل مستلم.
smtp-cmd-data = إرسال الرسالة: رأس الرسالة، ثم سطر فارغ، ثم نص الرسالة، ثم سطر لا يحوي إلا ".".
smtp-cmd-bdat = إرسال الرسالة على دفعات بحجم محدد بالضبط (CHUNKING)؛ آخر دفعة تحمل LAST.
smtp-cmd-rset = إلغاء الرسالة الحالية (المرسل، المستلمون، البيانات)؛ وتبقى الجلسة مفتوحة.
smtp-cmd-vrfy = السؤال عن وجود مستخدم أو صندوق بريد (معظم الخوادم ترفض الإجابة).
smtp-cmd-expn = طلب أعضاء قائمة بريدية (معظم الخوادم ترفض).
smtp-cmd-help = طلب نص مساعدة من الخادم.
smtp-cmd-noop = لا يفعل شيئًا؛ يجيب الخادم 250 OK.
smtp-cmd-quit = إنهاء الجلسة: يجيب الخادم بـ 221 ويغلق الاتصال.

## [pop3.cmd]

pop3-cmd-user = إرسال اسم المستخدم؛ ويجب أن يليه PASS.
pop3-cmd-pass = إرسال كلمة المرور للمستخدم المذكور في USER (تُرسل بدون تشفير ما لم يكن TLS مفعّلًا).
pop3-cmd-apop = تسجيل الدخول دون إرسال كلمة المرور: تُرسل بدلها خلاصة MD5 للختم الزمني الذي في التحية مع كلمة المرور.
pop3-cmd-auth = تسجيل الدخول بآلية SASL، مع الإجابة عن التحديات (أسطر +) بترميز base64.
pop3-cmd-stls = تحويل هذا الاتصال غير المشفّر إلى TLS قبل تسجيل الدخول.
pop3-cmd-capa = السؤال عن الإمكانات التي يدعمها الخادم (رد متعدد الأسطر).
pop3-cmd-stat = معرفة عدد الرسائل وحجمها الكلي بالبايت.
pop3-cmd-list = عرض أرقام الرسائل مع أحجامها، أو حجم رسالة واحدة.
pop3-cmd-retr = جلب رسالة كاملة (رد متعدد الأسطر ينتهي بسطر لا يحوي إلا ".").
pop3-cmd-dele = تعليم رسالة للحذف؛ وتُحذف عند QUIT.
pop3-cmd-noop = لا يفعل شيئًا؛ يجيب الخادم +OK.
pop3-cmd-rset = إلغاء التعليم عن كل رسالة عُلِّمت بـ DELE.
pop3-cmd-top = جلب رأس الرسالة وأول n من أسطر نصها.
pop3-cmd-uidl = عرض رمز فريد لكل رسالة، يبقى ثابتًا عبر الجلسات.
pop3-cmd-quit = إنهاء الجلسة؛ وفي حالة «المعاملة» تُحذف الآن الرسائل المعلَّمة بـ DELE.

## IMAP explanations
## [imap]

imap-literal_rest = بقية الرد بعد بايتات النص الحرفي (literal)؛ والقوس ")" يُغلق بيانات FETCH.
imap-other = ليس سطر رد IMAP: تبدأ الردود بمعرف أو "*" أو "+". قد يكون جزءًا من نص حرفي (literal) أو ردًا لبروتوكول آخر.
imap-body = بيانات رسالة حجمها { $octets ->
        [zero] { $octets } بايت
        [one] بايت واحد
        [two] بايتان
        [few] { $octets } بايتات
        [many] { $octets } بايتًا
       *[other] { $octets } بايت
    }، مرسلة نصًا حرفيًا (literal): يقرأ العميل هذا العدد من البايتات بالضبط، مهما كان محتواها.

## [imap.cont]

imap-cont-generic = طلب متابعة: الخادم جاهز لبقية الأمر (مثل بايتات نص حرفي (literal)).
imap-cont-literal = تفضّل: الخادم جاهز لاستقبال بايتات النص الحرفي (literal) التي أعلنت عنها بـ {"{"}N{"}"}.
imap-cont-idle = IDLE يعمل: سيرسل الخادم الآن التغييرات (EXISTS، EXPUNGE، FETCH) لحظة حدوثها. أرسل DONE للإيقاف.
imap-cont-sasl = تحدّي SASL من الخادم (بترميز base64). أجب بسطر base64، أو "*" للإلغاء.
imap-cont-sasl_decoded = تحدّي SASL: هو بترميز base64 للنص "{ $decoded }". أجب بردك بترميز base64، أو "*" للإلغاء.

## [imap.status]

imap-status-ok_tagged = OK: الرد ذو المعرف الذي ينهي الأمر { $tag } ({ $command }): نجح الأمر.
imap-status-no_tagged = NO: فهم الخادم الأمر { $tag } ({ $command }) لكنه فشل؛ النص يوضح السبب.
imap-status-bad_tagged = BAD: لم يقبل الخادم الأمر { $tag } ({ $command }): أمر مجهول، أو صيغة خاطئة، أو حالة غير مناسبة.
imap-status-ok_untagged = OK بلا معرف: معلومة من الخادم، وليس نهاية أمر.
imap-status-no_untagged = NO بلا معرف: تحذير من الخادم؛ والأمر الجاري مستمر.
imap-status-bad_untagged = BAD بلا معرف: لم يعرف الخادم لأي أمر ينتمي الخطأ (سطر تعذّر تحليله مثلًا).
imap-status-greeting = تحية الخادم: أنت متصل ولم تسجّل الدخول بعد. التالي: CAPABILITY أو STARTTLS أو LOGIN.
imap-status-preauth = تحية PREAUTH: الاتصال مسجَّل الدخول مسبقًا (بطريقة خارجية مثلًا)؛ تبدأ في حالة «بعد المصادقة».
imap-status-bye = BYE: الخادم على وشك إغلاق الاتصال (إيقاف، أو انتهاء مهلة، أو خطأ فادح).
imap-status-bye_logout = BYE ردًّا على LOGOUT: الخادم يودّعك؛ يليه OK ذو المعرف، ثم يُغلق الاتصال.
imap-status-ok_tagged_bare = OK: الرد ذو المعرف الذي ينهي الأمر { $tag }: نجح الأمر.
imap-status-no_tagged_bare = NO: فهم الخادم الأمر { $tag } لكنه فشل؛ النص يوضح السبب.
imap-status-bad_tagged_bare = BAD: لم يقبل الخادم الأمر { $tag }: أمر مجهول، أو صيغة خاطئة، أو حالة غير مناسبة.

## [imap.why]

imap-why-unknown_command = { $status } لأن الخادم لا يعرف أمرًا اسمه { $command }. اكتب :help لعرض الأوامر.
imap-why-needs_login = { $status } لأن الأمر { $command } { server-imap-state_reason-needs_login }.
imap-why-needs_select = { $status } لأن الأمر { $command } { server-imap-state_reason-needs_select }.
imap-why-already_logged_in = { $status } لأن الأمر { $command } { server-imap-state_reason-before_login_only }.
imap-why-logged_out = { $status } لأن الجلسة انتهت بتسجيل الخروج؛ لا يمكن فعل شيء آخر على هذا الاتصال.
imap-why-wrong_state = { $status } لأن الأمر { $command } غير صالح في حالة { $state } (يصلح في: { $valid }).
imap-why-syntax = BAD لأن وسائط الأمر { $command } لا تطابق صيغته. المتوقع: { $syntax }
imap-why-read_only = { $status } لأن صندوق البريد فُتح للقراءة فقط (EXAMINE): لا يستطيع { $command } تغييره. افتحه بـ SELECT لإجراء تغييرات.
imap-why-read_only_in = { $status } لأن { $mailbox } فُتح للقراءة فقط (EXAMINE): لا يستطيع { $command } تغييره. نفّذ SELECT { $mailbox } لإجراء تغييرات.

## [imap.warn]

imap-warn-cleartext_login = تحذير: هذا الاتصال بلا TLS، فقد عبرت كلمة المرور الشبكة الآن بدون تشفير، ويستطيع أي مراقب قراءتها. استخدم STARTTLS أو المنفذ 993.

## [imap.after.login]

imap-after-login-ok = تم تسجيل الدخول: الجلسة الآن في حالة «بعد المصادقة». الخطوة التالية: SELECT لصندوق بريد.
imap-after-login-no = رُفض تسجيل الدخول: اسم المستخدم أو كلمة المرور خاطئة (أو تسجيل الدخول معطّل). ما زلت في حالة «قبل المصادقة».

## [imap.after.authenticate]

imap-after-authenticate-ok = تمت المصادقة عبر SASL: الجلسة الآن في حالة «بعد المصادقة».
imap-after-authenticate-no = فشلت مصادقة SASL: بيانات الدخول أو الآلية خاطئة. ما زلت في حالة «قبل المصادقة».
imap-after-authenticate-bad = أُلغي تبادل AUTHENTICATE أو جاء بصيغة خاطئة (جواب ليس base64 صالحًا؟).

## [imap.after.select]

imap-after-select-ok = حُدِّد صندوق البريد: الجلسة الآن في حالة «صندوق محدد»؛ وتعمل عليه أوامر FETCH وSEARCH وSTORE وأمثالها.
imap-after-select-ok_reselect = الصندوق الجديد محدد الآن؛ أما الصندوق المحدد سابقًا فقد أُغلق دون حذف نهائي.
imap-after-select-no = فشل SELECT: لا يوجد صندوق بهذا الاسم، أو لا صلاحية لك. وأي صندوق كان محددًا أُغلق الآن (حالة «بعد المصادقة»).

## [imap.after.examine]

imap-after-examine-ok = فُتح صندوق البريد للقراءة فقط: يمكنك القراءة، لكن العلامات لا تتغير ولا يُحذف شيء.
imap-after-examine-no = فشل EXAMINE: لا يوجد صندوق بهذا الاسم، أو لا صلاحية لك.

## [imap.after.create]

imap-after-create-ok = صندوق البريد موجود الآن.
imap-after-create-no = فشل CREATE: الاسم موجود مسبقًا، أو غير صالح، أو لا يُسمح لك بإنشائه.

## [imap.after.delete]

imap-after-delete-ok = حُذف صندوق البريد ورسائله.
imap-after-delete-no = فشل DELETE: لا يوجد صندوق بهذا الاسم، أو هو INBOX، أو هو اسم \Noselect ما زالت تحته صناديق فرعية.

## [imap.after.rename]

imap-after-rename-ok = صار لصندوق البريد اسمه الجديد.
imap-after-rename-no = فشل RENAME: المصدر غير موجود، أو الاسم الهدف موجود مسبقًا.

## [imap.after.subscribe]

imap-after-subscribe-ok = صندوق البريد الآن في قائمة الاشتراكات (يعرضه LSUB).

## [imap.after.unsubscribe]

imap-after-unsubscribe-ok = أُزيل صندوق البريد من قائمة الاشتراكات.

## [imap.after.list]

imap-after-list-ok = نهاية جواب LIST: أسطر LIST التي بلا معرف أعلاه هي صناديق البريد المطابقة.

## [imap.after.lsub]

imap-after-lsub-ok = نهاية جواب LSUB: الأسطر أعلاه هي صناديق البريد المشترك فيها والمطابقة.

## [imap.after.status]

imap-after-status-ok = نهاية STATUS: سطر * STATUS أعلاه يحوي الأعداد التي طلبتها.
imap-after-status-no = فشل STATUS: لا يوجد صندوق بهذا الاسم، أو لا صلاحية لك.

## [imap.after.append]

imap-after-append-ok = أُضيفت الرسالة إلى صندوق البريد.
imap-after-append-no = فشل APPEND: صندوق البريد غير موجود، أو رُفضت الرسالة (كبيرة جدًا، تجاوزت الحصة ...). إن كان الصندوق غير موجود فأنشئه أولًا بـ CREATE.

## [imap.after.logout]

imap-after-logout-ok = اكتمل تسجيل الخروج: الخادم يغلق الاتصال الآن.

## [imap.after.close]

imap-after-close-ok = أُغلق الصندوق؛ وحُذفت الرسائل التي عليها العلامة \Deleted بصمت (دون أسطر EXPUNGE). عدت إلى حالة «بعد المصادقة».

## [imap.after.unselect]

imap-after-unselect-ok = أُغلق الصندوق دون حذف أي شيء. عدت إلى حالة «بعد المصادقة».

## [imap.after.expunge]

imap-after-expunge-ok = اكتمل الحذف النهائي: زالت كل رسالة عليها العلامة \Deleted؛ وكل سطر * N EXPUNGE أعلاه أبلغ عن واحدة.
imap-after-expunge-no = فشل EXPUNGE: لم يُحذف شيء (ربما فُتح الصندوق للقراءة فقط، أو لا تملك صلاحية الحذف).

## [imap.after.uid_expunge]

imap-after-uid_expunge-ok = تم: زالت الرسائل ذات أرقام UID المذكورة التي كانت عليها العلامة \Deleted.

## [imap.after.store]

imap-after-store-ok = تغيّرت العلامات؛ أسطر * FETCH أعلاه تعرض العلامات الجديدة (ولا أسطر مع .SILENT).
imap-after-store-no = فشل STORE: لم تتغير العلامات (ربما فُتح الصندوق للقراءة فقط، أو حُذفت الرسائل نهائيًا في أثناء ذلك).

## [imap.after.uid_store]

imap-after-uid_store-ok = تغيّرت العلامات؛ أسطر * FETCH أعلاه تعرض العلامات الجديدة وأرقام UID.
imap-after-uid_store-no = فشل UID STORE: لم تتغير العلامات (ربما فُتح الصندوق للقراءة فقط).

## [imap.after.fetch]

imap-after-fetch-ok = نهاية FETCH: أسطر * FETCH أعلاه تحمل البيانات التي طلبتها.
imap-after-fetch-no = فشل FETCH لبعض الرسائل، مثلًا لأن جلسة أخرى حذفتها نهائيًا في أثناء ذلك.

## [imap.after.uid_fetch]

imap-after-uid_fetch-ok = نهاية UID FETCH: أسطر * FETCH أعلاه تحمل البيانات، ومع كلٍّ منها رقم UID.

## [imap.after.search]

imap-after-search-ok = نهاية SEARCH: سطر * SEARCH أعلاه يسرد أرقام الرسائل المطابقة.

## [imap.after.uid_search]

imap-after-uid_search-ok = نهاية UID SEARCH: سطر * SEARCH أعلاه يسرد أرقام UID المطابقة.

## [imap.after.copy]

imap-after-copy-ok = نُسخت الرسائل إلى صندوق البريد الهدف.
imap-after-copy-no = فشل COPY: لم يُنسخ شيء (لا يوجد صندوق هدف بهذا الاسم، أو لا يحق لك الإضافة إليه). إن كان الصندوق غير موجود فأنشئه أولًا بـ CREATE.
imap-after-uid_copy-no = فشل UID COPY؛ إن كان صندوق البريد الهدف غير موجود فأنشئه أولًا بـ CREATE.

## [imap.after.uid_copy]

imap-after-uid_copy-ok = نُسخت الرسائل إلى صندوق البريد الهدف.

## [imap.after.move]

imap-after-move-ok = نُقلت الرسائل؛ وأسطر * EXPUNGE أعلاه أزالتها من هذا الصندوق.
imap-after-move-no = فشل MOVE: لم يُنقل شيء (لا يوجد صندوق هدف بهذا الاسم، أو هذا الصندوق مفتوح للقراءة فقط).

## [imap.after.uid_move]

imap-after-uid_move-ok = نُقلت الرسائل؛ وأسطر EXPUNGE أعلاه أزالتها من هذا الصندوق.
imap-after-uid_move-no = فشل UID MOVE: لم يُنقل شيء (لا يوجد صندوق هدف بهذا الاسم، أو هذا الصندوق مفتوح للقراءة فقط).

## [imap.after.idle]

imap-after-idle-ok = انتهى IDLE (بعد أمرك DONE)؛ والجلسة تقبل الأوامر من جديد.

## [imap.after.starttls]

imap-after-starttls-ok = ابدأ TLS الآن: البايتات التالية هي مصافحة TLS. اطلب CAPABILITY من جديد بعدها: فقد تتغير.

## [imap.after.capability]

imap-after-capability-ok = نهاية CAPABILITY: سطر * CAPABILITY أعلاه يسرد ما يدعمه الخادم.

## [imap.after.noop]

imap-after-noop-ok = اكتمل NOOP؛ وأي أسطر بلا معرف أعلاه هي أخبار (بريد جديد، تغيّر علامات).

## [imap.after.check]

imap-after-check-ok = تمت نقطة الحفظ.

## [imap.after.enable]

imap-after-enable-ok = اكتمل ENABLE: سطر * ENABLED يسرد الامتدادات المفعّلة الآن.

## [imap.after.namespace]

imap-after-namespace-ok = نهاية NAMESPACE: سطر * NAMESPACE أعلاه يصف هرمية صناديق البريد.

## [imap.after.id]

imap-after-id-ok = نهاية ID: سطر * ID أعلاه يعرّف بالخادم.

## [imap.code]

imap-code-alert = [ALERT]: رسالة يريد الخادم أن تُعرض على المستخدم كما هي.
imap-code-badcharset = [BADCHARSET]: مجموعة المحارف المطلوبة في SEARCH غير مدعومة؛ القائمة بين القوسين (إن وُجدت) تذكر المدعومة.
imap-code-capability = [CAPABILITY]: قائمة إمكانات الخادم، أُرسلت هنا لتوفّر عليك أمر CAPABILITY.
imap-code-parse = [PARSE]: تعذّر على الخادم تحليل رأس رسالة أو بنية MIME فيها.
imap-code-permanentflags = [PERMANENTFLAGS { $args }]: العلامات التي يمكنك تغييرها تغييرًا دائمًا في هذا الصندوق؛ ووجود \* يعني أنه يمكنك إنشاء كلمات مفتاحية جديدة.
imap-code-read_only = [READ-ONLY]: الصندوق مفتوح للقراءة فقط (EXAMINE، أو لا صلاحية كتابة).
imap-code-read_write = [READ-WRITE]: الصندوق مفتوح للقراءة والكتابة: تغييرات العلامات والحذف النهائي ستبقى.
imap-code-trycreate = [TRYCREATE]: صندوق البريد الهدف غير موجود؛ أنشئه بـ CREATE ثم أعد المحاولة.
imap-code-uidnext = [UIDNEXT { $value }]: الرسالة التالية التي تُضاف إلى هذا الصندوق ستأخذ UID { $value } (أو أكبر).
imap-code-uidvalidity = [UIDVALIDITY { $value }]: أرقام UID صالحة فقط مع هذا الرقم؛ وإن تغيّر فعلى العميل أن ينسى أرقام UID التي حفظها.
imap-code-unseen = [UNSEEN { $value }]: الرسالة رقم { $value } هي أول رسالة بلا العلامة \Seen. خوادم IMAP4rev2 (RFC 9051) لم تعد ترسله: ابحث عن الرسائل غير المقروءة بـ SEARCH UNSEEN.
imap-code-appenduid = [APPENDUID { $uidvalidity } { $uid }]: أخذت الرسالة المضافة UID { $uid } (مع UIDVALIDITY { $uidvalidity }).
imap-code-copyuid = [COPYUID { $uidvalidity } { $source } { $dest }]: الرسائل ذات أرقام UID { $source } أخذت أرقام UID { $dest } في الصندوق الهدف.
imap-code-uidnotsticky = [UIDNOTSTICKY]: هذا الصندوق لا يحفظ أرقام UID عبر الجلسات؛ فلا تخزّنها.
imap-code-unavailable = [UNAVAILABLE]: فشل مؤقت (مثلًا: نظام المصادقة متوقف)؛ أعد المحاولة لاحقًا.
imap-code-authenticationfailed = [AUTHENTICATIONFAILED]: اسم المستخدم أو كلمة المرور خاطئة (لا تقول الخوادم أيهما).
imap-code-authorizationfailed = [AUTHORIZATIONFAILED]: بيانات الدخول صحيحة، لكن لا يُسمح لك بالعمل بالهوية المطلوبة.
imap-code-expired = [EXPIRED]: انتهت صلاحية كلمة المرور أو الحساب، ويجب تجديدها.
imap-code-privacyrequired = [PRIVACYREQUIRED]: تتطلب العملية اتصالًا مشفّرًا: نفّذ STARTTLS أولًا.
imap-code-contactadmin = [CONTACTADMIN]: يحتاج الحساب إلى تدخّل المسؤول.
imap-code-noperm = [NOPERM]: لا تملك الصلاحية (حقوق الوصول) لهذه العملية.
imap-code-inuse = [INUSE]: جلسة أخرى تستخدم المورد (الصندوق مقفل مثلًا)؛ حاول لاحقًا.
imap-code-expungeissued = [EXPUNGEISSUED]: حذفت جلسة أخرى رسائل نهائيًا في أثناء ذلك؛ فبعض البيانات المطلوبة لم يعد موجودًا.
imap-code-corruption = [CORRUPTION]: وجد الخادم بيانات تالفة في صندوق البريد.
imap-code-serverbug = [SERVERBUG]: واجه الخادم خطأً داخليًا؛ والخطأ ليس خطأك.
imap-code-clientbug = [CLIENTBUG]: قُبل الأمر، لكن الخادم يرى أن العميل أخطأ.
imap-code-cannot = [CANNOT]: لا يمكن أن تنجح هذه العملية كما طُلبت، مثلًا: اسم صندوق محجوز أو غير صالح.
imap-code-limit = [LIMIT]: بلغتَ حدًّا من حدود الخادم (صناديق كثيرة جدًا، اسم طويل جدًا، أوامر كثيرة جدًا).
imap-code-overquota = [OVERQUOTA]: تجاوز صندوق البريد أو الحساب حصته التخزينية.
imap-code-alreadyexists = [ALREADYEXISTS]: يوجد شيء بهذا الاسم مسبقًا (مثل CREATE لصندوق موجود).
imap-code-nonexistent = [NONEXISTENT]: صندوق البريد (أو الشيء) المذكور غير موجود.
imap-code-toobig = [TOOBIG]: النص الحرفي (literal) أو الرسالة أكبر مما يقبله الخادم.
imap-code-highestmodseq = [HIGHESTMODSEQ { $value }]: أعلى رقم تعديل (modification sequence) في هذا الصندوق (CONDSTORE).
imap-code-nomodseq = [NOMODSEQ]: هذا الصندوق لا يحفظ أرقام التعديل.
imap-code-modified = [MODIFIED { $value }]: هذه الرسائل تغيّرت بعد قيمة UNCHANGEDSINCE، لذا تجاوزها STORE.
imap-code-closed = [CLOSED]: أُغلق الصندوق الذي كان محددًا؛ والأسطر بلا معرف بعد هذا السطر تخص الصندوق الذي يُفتح، إن نجح الأمر.
imap-code-referral = [REFERRAL]: صندوق البريد أو الحساب موجود على خادم آخر، يحدده رابط IMAP المذكور.
imap-code-unknown_cte = [UNKNOWN-CTE]: لا يستطيع الخادم فك ترميز Content-Transfer-Encoding لهذا الجزء.
imap-code-useattr = [USEATTR]: سمة الاستخدام الخاص المعطاة مع CREATE غير مقبولة هنا.
imap-code-haschildren = [HASCHILDREN]: لصندوق البريد صناديق فرعية، لذا لا يمكن تنفيذ هذا (مثل DELETE).
imap-code-notsaved = [NOTSAVED]: لم تُحفظ نتيجة SEARCH (صار $ فارغًا).
imap-code-compressionactive = [COMPRESSIONACTIVE]: الضغط مفعّل مسبقًا على هذا الاتصال.
imap-code-badurl = [BADURL]: رابط IMAP في الأمر غير صالح أو لا يمكن الوصول إليه.
imap-code-metadata = [METADATA]: حدّ أو خطأ في البيانات الوصفية (LONGENTRIES، MAXSIZE، TOOMANY، NOPRIVATE).
imap-code-unknown = [{ $code }]: رمز رد لا تعرفه هذه الأداة (امتداد أو رمز خاص بالخادم)؛ والعملاء يتجاهلون الرموز المجهولة.
imap-code-permanentflags_none = [PERMANENTFLAGS ()]: لن يُحفظ أي تغيير في العلامات في هذا الصندوق (مفتوح للقراءة فقط، أو لا يمكن حفظ العلامات فيه).
imap-code-mailboxid = [MAILBOXID { $args }]: الرمز الدائم لصندوق البريد (OBJECTID)؛ ويبقى كما هو عند إعادة تسمية الصندوق.

## [imap.data]

imap-data-capability = قائمة الإمكانات: IMAP4rev1 مع الامتدادات وطرق تسجيل الدخول التي يقدمها الخادم.
imap-data-list = صندوق بريد: "{ $name }"، الفاصل الهرمي "{ $delimiter }"، السمات ({ $attributes }).
imap-data-lsub = صندوق بريد مشترك فيه: "{ $name }"، الفاصل "{ $delimiter }"، السمات ({ $attributes }). أُلغي LSUB في IMAP4rev2 (RFC 9051): والأمر LIST (SUBSCRIBED) يؤدي العمل نفسه.
imap-data-status = أعداد صندوق البريد { $mailbox }: { $items }.
imap-status_item-messages = MESSAGES { $value }: عدد الرسائل في { $mailbox }: { $value ->
        [zero] لا رسائل
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $value } رسائل
        [many] { $value } رسالة
       *[other] { $value } رسالة
    }.
imap-status_item-recent = RECENT { $value }: عدد الرسائل الجديدة في { $mailbox } منذ آخر جلسة فتحته. أُلغي RECENT في IMAP4rev2 (RFC 9051).
imap-status_item-uidnext = UIDNEXT { $value }: الرسالة التالية التي تُضاف إلى { $mailbox } ستأخذ UID { $value } (أو أكبر).
imap-status_item-uidvalidity = UIDVALIDITY { $value }: أرقام UID في { $mailbox } صالحة مع هذا الرقم فقط.
imap-status_item-unseen = UNSEEN { $value }: عدد الرسائل في { $mailbox } التي ليس عليها العلامة \Seen (غير المقروءة).
imap-status_item-size = SIZE { $value }: الحجم الكلي لرسائل { $mailbox }: { $value ->
        [zero] { $value } بايت
        [one] بايت واحد
        [two] بايتان
        [few] { $value } بايتات
        [many] { $value } بايتًا
       *[other] { $value } بايت
    }.
imap-status_item-highestmodseq = HIGHESTMODSEQ { $value }: أعلى رقم تعديل في { $mailbox } (CONDSTORE).
imap-status_item-mailboxid = MAILBOXID { $value }: الرمز الدائم لصندوق البريد { $mailbox } (OBJECTID)؛ ويبقى بعد إعادة التسمية.
imap-status_item-deleted = DELETED { $value }: عدد الرسائل في { $mailbox } التي عليها العلامة \Deleted.
imap-data-search = نتيجة SEARCH: { $count ->
        [zero] لا رسائل مطابقة
        [one] رسالة واحدة مطابقة
        [two] رسالتان مطابقتان
        [few] { $count } رسائل مطابقة
        [many] { $count } رسالة مطابقة
       *[other] { $count } رسالة مطابقة
    }: { $numbers } (أرقام تسلسلية، أو أرقام UID مع UID SEARCH).
imap-data-search_empty = لم يجد SEARCH أي رسالة مطابقة.
imap-data-sort = نتيجة SORT: الرسائل المطابقة بالترتيب المطلوب: { $text }.
imap-data-thread = نتيجة THREAD: الرسائل مجمّعة في محادثات.
imap-data-flags = العلامات المتاحة في هذا الصندوق: { $flags }.
imap-data-exists = { $n ->
        [zero] صندوق البريد فارغ الآن
        [one] في صندوق البريد الآن رسالة واحدة
        [two] في صندوق البريد الآن رسالتان
        [few] في صندوق البريد الآن { $n } رسائل
        [many] في صندوق البريد الآن { $n } رسالة
       *[other] في صندوق البريد الآن { $n } رسالة
    } (العدد بعد أي خبر: بريد جديد، أو حذف نهائي).
imap-data-recent = { $n ->
        [zero] لا رسائل "حديثة"
        [one] رسالة واحدة "حديثة"
        [two] رسالتان "حديثتان"
        [few] { $n } رسائل "حديثة"
        [many] { $n } رسالة "حديثة"
       *[other] { $n } رسالة "حديثة"
    }: أي جديدة منذ آخر جلسة فتحت هذا الصندوق. أُلغي RECENT والعلامة \Recent في IMAP4rev2 (RFC 9051).
imap-data-expunge = حُذفت الرسالة رقم { $n } نهائيًا؛ وتنقص أرقام الرسائل التي بعدها بواحد.
imap-data-fetch = بيانات الرسالة رقم { $n }، على شكل أزواج من اسم وقيمة:
imap-data-enabled = هذه الامتدادات مفعّلة الآن: { $text }.
imap-data-namespace = مساحات الأسماء: الشخصية، ثم للمستخدمين الآخرين، ثم المشتركة (لكلٍّ منها بادئة وفاصل، أو NIL): { $text }.
imap-data-id = تعريف الخادم بنفسه (الاسم، الإصدار ...): { $text }.
imap-data-esearch = نتيجة ESEARCH (بصيغة RFC 4731): { $text }.
imap-data-vanished = حُذفت نهائيًا الرسائل ذات أرقام UID هذه (QRESYNC): { $text }.
imap-data-quota = استهلاك الحصة التخزينية وحدودها: { $text }.
imap-data-quotaroot = جذور الحصة التخزينية لصندوق البريد: { $text }.
imap-data-unknown = بيانات بلا معرف من نوع لا تعرفه هذه الأداة ({ $keyword })، ربما من امتداد.
imap-data-exists_in = { $n ->
        [zero] { $mailbox } فارغ الآن
        [one] في { $mailbox } الآن رسالة واحدة
        [two] في { $mailbox } الآن رسالتان
        [few] في { $mailbox } الآن { $n } رسائل
        [many] في { $mailbox } الآن { $n } رسالة
       *[other] في { $mailbox } الآن { $n } رسالة
    } (العدد بعد أي خبر: بريد جديد، أو حذف نهائي).

## [imap.attr]

imap-attr-noinferiors = \Noinferiors: لا يمكن أن توجد صناديق فرعية تحت هذا الصندوق.
imap-attr-noselect = \Noselect: هذا الاسم مجرد مستوى في الهرمية؛ ولا يمكن تحديده.
imap-attr-marked = \Marked: يظن الخادم أن رسائل جديدة وصلت منذ آخر مرة حُدِّد فيها.
imap-attr-unmarked = \Unmarked: لا رسائل جديدة منذ آخر مرة حُدِّد فيها.
imap-attr-haschildren = \HasChildren: توجد صناديق بريد تحت هذا الصندوق.
imap-attr-hasnochildren = \HasNoChildren: لا توجد صناديق بريد تحت هذا الصندوق.
imap-attr-nonexistent = \NonExistent: هذا الاسم ليس صندوق بريد موجودًا (يظهر بسبب صناديقه الفرعية أو الاشتراك فيه).
imap-attr-subscribed = \Subscribed: صندوق البريد في قائمة الاشتراكات.
imap-attr-remote = \Remote: صندوق البريد موجود على خادم آخر.
imap-attr-all = \All: صندوق افتراضي يضم كل الرسائل.
imap-attr-archive = \Archive: الصندوق المستخدم لأرشفة الرسائل.
imap-attr-drafts = \Drafts: الصندوق الذي يحفظ المسودات.
imap-attr-flagged = \Flagged: صندوق افتراضي فيه الرسائل التي عليها العلامة \Flagged.
imap-attr-junk = \Junk: صندوق البريد المزعج (spam).
imap-attr-sent = \Sent: الصندوق الذي فيه نسخ الرسائل المرسلة.
imap-attr-trash = \Trash: صندوق الرسائل المحذوفة.
imap-attr-important = \Important: صندوق افتراضي للرسائل التي تُعدّ مهمة.

## [imap.fetch]

imap-fetch-flags = FLAGS { $value }: العلامات الموضوعة على هذه الرسالة (\Seen = مقروءة، \Deleted = معلَّمة للحذف النهائي ...).
imap-fetch-uid = UID { $value }: الرقم الفريد للرسالة في هذا الصندوق؛ يبقى ثابتًا عبر الجلسات ما دام UIDVALIDITY ثابتًا.
imap-fetch-internaldate = INTERNALDATE { $value }: وقت استلام الخادم للرسالة (وليس الحقل Date في رأسها).
imap-fetch-rfc822_size = RFC822.SIZE { $value }: حجم الرسالة بالبايت.
imap-fetch-envelope = ENVELOPE: حقول الرأس محلَّلة: التاريخ، الموضوع، From، Sender، Reply-To، To، Cc، Bcc، In-Reply-To، Message-ID.
imap-fetch-body = BODY: بنية MIME للرسالة (دون بيانات الامتدادات).
imap-fetch-bodystructure = BODYSTRUCTURE: بنية MIME للرسالة: نوع كل جزء ومعاملاته وترميزه وحجمه.
imap-fetch-body_section = { $item }: { $what }؛ والنص الحرفي (literal) {"{"}N{"}"} يعني أن N بايت تتبع في الأسطر التالية.
imap-fetch-binary_section = { $item }: الجزء بعد فك ترميز النقل (BINARY).
imap-fetch-binary_size_section = { $item } { $value }: حجم الجزء بعد فك الترميز، بالبايت.
imap-fetch-rfc822 = RFC822: الرسالة كاملة (مثل BODY[])؛ وجلبها يضع العلامة \Seen.
imap-fetch-rfc822_header = RFC822.HEADER: رأس الرسالة (مثل BODY.PEEK[HEADER]).
imap-fetch-rfc822_text = RFC822.TEXT: نص الرسالة دون رأسها (مثل BODY[TEXT])؛ ويضع العلامة \Seen.
imap-fetch-modseq = MODSEQ { $value }: رقم التعديل لآخر تغيير في الرسالة (CONDSTORE).
imap-fetch-emailid = EMAILID { $value }: رمز لمحتوى هذه الرسالة، فريد على مستوى الخادم.
imap-fetch-threadid = THREADID { $value }: رمز لمحادثة هذه الرسالة، فريد على مستوى الخادم.
imap-fetch-preview = PREVIEW: معاينة قصيرة للرسالة بنص عادي.
imap-fetch-savedate = SAVEDATE { $value }: وقت حفظ الرسالة في هذا الصندوق.
imap-fetch-unknown = { $item }: عنصر FETCH لا تعرفه هذه الأداة (امتداد؟).
imap-fetch-flags_none = FLAGS (): لا علامات إطلاقًا: الرسالة غير مقروءة (بلا \Seen)، ولم يُرَدّ عليها، وليست مميزة ولا محذوفة.
imap-fetch-flags_unread = FLAGS { $value }: ليس بينها \Seen، فالرسالة غير مقروءة.

## [imap.cap]

imap-cap-imap4rev1 = IMAP4rev1: الخادم يتكلم IMAP الإصدار 4، المراجعة 1.
imap-cap-imap4rev2 = IMAP4rev2: الخادم يتكلم IMAP الإصدار 4، المراجعة 2.
imap-cap-starttls = STARTTLS: يمكنك تحويل هذا الاتصال إلى TLS.
imap-cap-logindisabled = LOGINDISABLED: الأمر LOGIN مرفوض على هذا الاتصال (لا TLS بعد): نفّذ STARTTLS أولًا.
imap-cap-auth = { $atom }: يمكنك تسجيل الدخول بـ AUTHENTICATE { $value }.
imap-cap-auth_plain = AUTH=PLAIN: يعمل AUTHENTICATE PLAIN: اسم المستخدم وكلمة المرور في سلسلة base64 واحدة (بدون تشفير إن لم يكن TLS).
imap-cap-auth_login = AUTH=LOGIN: يعمل AUTHENTICATE LOGIN: اسم المستخدم وكلمة المرور جوابان بترميز base64. لم تصر LOGIN معيارًا قط (مجرد مسودة إنترنت انتهت صلاحيتها)؛ أما PLAIN فتؤدي العمل نفسه وهي معيار.
imap-cap-auth_cram_md5 = AUTH=CRAM-MD5: يعمل AUTHENTICATE CRAM-MD5: يُثبت كلمة المرور بحساب HMAC-MD5 لتحدٍّ من الخادم، دون إرسالها أبدًا.
imap-cap-sasl_ir = SASL-IR: يمكن أن يحمل AUTHENTICATE جوابه الأول في سطر الأمر نفسه، فيوفّر رحلة ذهاب وإياب.
imap-cap-login_referrals = LOGIN-REFERRALS: قد يحيلك الخادم إلى خادم آخر عند تسجيل الدخول.
imap-cap-mailbox_referrals = MAILBOX-REFERRALS: قد توجد صناديق البريد على خوادم أخرى (إحالات).
imap-cap-id = ID: يمكن للعميل والخادم تبادل نصوص التعريف.
imap-cap-enable = ENABLE: يمكن تشغيل الامتدادات بالأمر ENABLE.
imap-cap-idle = IDLE: يستطيع الخادم أن يرسل البريد الجديد والتغييرات لحظة حدوثها.
imap-cap-literal_plus = LITERAL+: النصوص الحرفية المكتوبة {"{"}N+{"}"} لا تحتاج طلب متابعة +؛ يرسلها العميل فورًا.
imap-cap-literal_ = LITERAL-: مثل LITERAL+ لكن للنصوص الحرفية التي لا تزيد على 4096 بايت فقط.
imap-cap-namespace = NAMESPACE: يعرض الأمر NAMESPACE هرمية صناديق البريد.
imap-cap-uidplus = UIDPLUS: تتوفر رموز الرد APPENDUID وCOPYUID، والأمر UID EXPUNGE.
imap-cap-move = MOVE: يمكن نقل الرسائل بأمر واحد (MOVE، UID MOVE).
imap-cap-unselect = UNSELECT: إغلاق صندوق بريد دون حذف نهائي.
imap-cap-children = CHILDREN: يذكر LIST هل لصندوق البريد صناديق فرعية (\HasChildren).
imap-cap-list_extended = LIST-EXTENDED: يقبل LIST خيارات للاختيار وخيارات لما يُرجعه.
imap-cap-list_status = LIST-STATUS: يمكن أن يُرجع LIST أعداد STATUS لكل صندوق بريد.
imap-cap-special_use = SPECIAL-USE: يميّز LIST صناديق البريد الخاصة (\Sent، \Trash، \Drafts ...).
imap-cap-create_special_use = CREATE-SPECIAL-USE: يمكن أن يميّز CREATE صندوقًا جديدًا بأنه خاص الاستخدام.
imap-cap-esearch = ESEARCH: نتائج SEARCH موسّعة (MIN، MAX، COUNT، ALL).
imap-cap-searchres = SEARCHRES: يمكن حفظ نتيجة SEARCH وإعادة استخدامها باسم $.
imap-cap-sort = SORT: يستطيع الخادم ترتيب الرسائل.
imap-cap-sort_display = SORT=DISPLAY: الترتيب بالأسماء المعروضة (DISPLAYFROM، DISPLAYTO).
imap-cap-esort = ESORT: نتائج SORT موسّعة.
imap-cap-thread = { $atom }: يستطيع الخادم تجميع الرسائل في محادثات بخوارزمية { $value }.
imap-cap-condstore = CONDSTORE: تحمل الرسائل أرقام تعديل تجعل إعادة المزامنة فعّالة.
imap-cap-qresync = QRESYNC: إعادة مزامنة سريعة عند SELECT لصندوق يحفظ العميل نسخة منه.
imap-cap-utf8_accept = UTF8=ACCEPT: بعد ENABLE يمكن أن تكون أسماء صناديق البريد وحقول الرأس بترميز UTF-8 مباشرة.
imap-cap-utf8_only = UTF8=ONLY: يشترط الخادم وضع UTF-8.
imap-cap-i18nlevel = { $atom }: بحث وترتيب يراعيان اللغات المختلفة، المستوى { $value }.
imap-cap-context = { $atom }: يستطيع الخادم إبقاء نتائج البحث أو الترتيب محدَّثة.
imap-cap-within = WITHIN: يمكن أن يستخدم SEARCH الشرطين OLDER وYOUNGER (بالثواني).
imap-cap-binary = BINARY: يستطيع الخادم فك ترميزات النقل عنك (FETCH BINARY[]).
imap-cap-catenate = CATENATE: يمكن أن يبني APPEND رسالة من أجزاء رسائل موجودة.
imap-cap-multiappend = MULTIAPPEND: يمكن لأمر APPEND واحد أن يضيف عدة رسائل.
imap-cap-url_partial = URL-PARTIAL: يمكن أن تشير روابط IMAP إلى جزء من رسالة.
imap-cap-urlauth = URLAUTH: روابط IMAP مخوَّلة (تُستخدم مع BURL للإرسال دون تنزيل الرسالة).
imap-cap-compress = { $atom }: يمكن ضغط الاتصال بـ { $value }.
imap-cap-quota = QUOTA: يمكن الاستعلام عن الحصص التخزينية.
imap-cap-acl = ACL: قوائم التحكم بالوصول على صناديق البريد.
imap-cap-rights = { $atom }: أحرف صلاحيات ACL إضافية مدعومة: { $value }.
imap-cap-metadata = METADATA: تعليقات (بيانات وصفية) على صناديق البريد وعلى الخادم.
imap-cap-metadata_server = METADATA-SERVER: تعليقات على الخادم فقط.
imap-cap-notify = NOTIFY: يمكن للعميل أن يطلب إبلاغه بالتغييرات في صناديق البريد الأخرى.
imap-cap-savedate = SAVEDATE: يمكن أن يستخدم FETCH وSEARCH تاريخ حفظ الرسالة.
imap-cap-snippet = { $atom }: يستطيع الخادم إنتاج معاينات للرسائل.
imap-cap-preview = PREVIEW: يستطيع الخادم إنتاج معاينات للرسائل.
imap-cap-status = { $atom }: يمكن أن يبلغ STATUS أيضًا عن { $value }.
imap-cap-status_size = STATUS=SIZE: يمكن أن يبلغ STATUS عن حجم صندوق البريد.
imap-cap-appendlimit = { $atom }: أكبر رسالة يقبلها APPEND.
imap-cap-objectid = OBJECTID: للرسائل ولصناديق البريد رموز ثابتة (EMAILID، MAILBOXID).
imap-cap-xlist = XLIST: طريقة Gmail القديمة لتمييز صناديق البريد الخاصة.
imap-cap-others = يعلن الخادم أيضًا: { $atoms }.

## SMTP explanations
## [smtp]

smtp-other = ليس رد SMTP: تبدأ الردود برمز من ثلاثة أرقام تليه مسافة أو "-".
smtp-body = الرسالة ({ $octets ->
        [zero] { $octets } بايت
        [one] بايت واحد
        [two] بايتان
        [few] { $octets } بايتات
        [many] { $octets } بايتًا
       *[other] { $octets } بايت
    }): أسطر رأس الرسالة، ثم سطر فارغ، ثم نص الرسالة؛ وسطر لا يحوي إلا "." ينهيها.
smtp-enh_template = { $code }: { $class }؛ { $detail }
smtp-data_end = سطر لا يحوي إلا "." ينهي الرسالة؛ والآن يجيب الخادم عن الرسالة كلها.

## [smtp.reply]

smtp-reply-class_2 = { $code }: رد من الفئة 2xx: نجح الأمر.
smtp-reply-class_3 = { $code }: رد من الفئة 3xx: تابع، فالخادم ينتظر مزيدًا من المدخلات.
smtp-reply-class_4 = { $code }: رد من الفئة 4xx: فشل مؤقت؛ قد ينجح الأمر نفسه لاحقًا.
smtp-reply-class_5 = { $code }: رد من الفئة 5xx: فشل دائم؛ لا تكرر الأمر دون تغيير.
smtp-reply-211 = 211: حالة النظام، أو رد على طلب مساعدة.
smtp-reply-214 = 214: رسالة مساعدة موجَّهة إلى قارئ بشري.
smtp-reply-220 = 220: تحية الخادم: جاهز لاستقبال EHLO (أو HELO).
smtp-reply-221 = 221: الخادم يغلق الاتصال (ردًّا على QUIT).
smtp-reply-235 = 235: نجحت المصادقة؛ يمكنك الآن إرسال البريد بصفتك هذا المستخدم.
smtp-reply-250 = 250: نُفِّذ الإجراء المطلوب بنجاح.
smtp-reply-251 = 251: المستخدم ليس محليًا؛ سيحوّل الخادم الرسالة إلى المكان الصحيح.
smtp-reply-252 = 252: لا يستطيع الخادم التحقق من المستخدم، لكنه سيقبل الرسالة ويحاول تسليمها.
smtp-reply-334 = 334: تحدّي SASL من الخادم، وهو بترميز base64 للنص "{ $decoded }". أجب بسطر base64، أو "*" للإلغاء.
smtp-reply-334_raw = 334: تابع المصادقة: أجب عن التحدي (المرمَّز بـ base64) بسطر base64، أو "*" للإلغاء.
smtp-reply-354 = 354: أرسل الرسالة الآن: رأس الرسالة، ثم سطر فارغ، ثم نص الرسالة، وأنهِها بسطر لا يحوي إلا ".".
smtp-reply-421 = 421: الخدمة غير متاحة والخادم يغلق الاتصال (إيقاف، أو ضغط زائد، أو انتهاء مهلة).
smtp-reply-432 = 432: يلزم تغيير كلمة المرور (RFC 4954): على صاحب الحساب أن يغيّر كلمة مروره أولًا.
smtp-reply-450 = 450: صندوق البريد غير متاح حاليًا (مشغول أو محجوب بسياسة)؛ أعد المحاولة لاحقًا.
smtp-reply-451 = 451: خطأ محلي في المعالجة؛ أُلغي الإجراء، فأعد المحاولة لاحقًا.
smtp-reply-452 = 452: مساحة التخزين في النظام غير كافية، أو المستلمون كثيرون جدًا؛ أعد المحاولة لاحقًا (أو بمستلمين أقل).
smtp-reply-454 = 454: فشل مؤقت: TLS أو المصادقة غير متاحة الآن؛ أعد المحاولة لاحقًا.
smtp-reply-455 = 455: لا يستطيع الخادم تلبية معاملات MAIL/RCPT الآن.
smtp-reply-500 = 500: خطأ في الصيغة، أمر غير معروف (أو السطر طويل جدًا).
smtp-reply-501 = 501: خطأ في صيغة معاملات الأمر أو وسائطه.
smtp-reply-502 = 502: الأمر غير منفَّذ في هذا الخادم.
smtp-reply-503 = 503: تسلسل أوامر خاطئ: هذا الأمر غير مسموح في هذه المرحلة من الجلسة.
smtp-reply-504 = 504: أحد معاملات الأمر (مثل آلية AUTH) غير منفَّذ.
smtp-reply-521 = 521: هذا الجهاز لا يقبل البريد إطلاقًا.
smtp-reply-530 = 530: تلزم المصادقة (أو TLS) قبل هذا الأمر.
smtp-reply-534 = 534: آلية المصادقة ضعيفة جدًا بالنسبة لهذا الخادم، أو تطلب سياسته شيئًا آخر (مثل كلمة مرور خاصة بالتطبيق).
smtp-reply-535 = 535: فشلت المصادقة: بيانات الدخول غير صحيحة.
smtp-reply-538 = 538: آلية المصادقة هذه تحتاج اتصالًا مشفّرًا: نفّذ STARTTLS أولًا.
smtp-reply-550 = 550: لم يُنفَّذ الإجراء المطلوب: صندوق البريد غير متاح (غير موجود، أو لا صلاحية، أو رفضته السياسة).
smtp-reply-551 = 551: المستخدم ليس محليًا؛ وقد يذكر النص أين ترسل الرسالة بدلًا من ذلك.
smtp-reply-552 = 552: الرسالة تتجاوز مساحة التخزين المخصصة (كبيرة جدًا).
smtp-reply-553 = 553: اسم صندوق البريد غير مسموح (صيغة عنوان خاطئة، أو غير مسموح به مرسلًا).
smtp-reply-554 = 554: فشلت المعاملة؛ وإن جاء تحيةً: لا توجد خدمة SMTP هنا.
smtp-reply-555 = 555: معاملات MAIL FROM/RCPT TO غير معروفة أو غير منفَّذة.
smtp-reply-556 = 556: نطاق المستلم لا يقبل البريد (مثلًا: ينشر سجل MX فارغًا، أي null MX).

## [smtp.why]

smtp-why-unknown_command = { $code } لأن الخادم لا يعرف أمرًا اسمه { $command }. اكتب :help لعرض الأوامر.
smtp-why-needs_ehlo = { $code } لأن الخادم يريد EHLO (أو HELO) قبل { $command }: ابدأ بالتحية.
smtp-why-wrong_state = { $code } لأن الأمر { $command } غير مسموح في حالة { $state } (يصلح في: { $valid }).
smtp-why-syntax = { $code } لأن وسائط الأمر { $command } بصيغة خاطئة. المتوقع: { $syntax }
smtp-why-rcpt_before_mail = { $code } لأن RCPT جاء قبل MAIL FROM: تبدأ كل رسالة بـ MAIL FROM:<address>، ثم RCPT TO لكل مستلم.
smtp-why-data_before_mail = { $code } لأنه لا توجد رسالة قيد الإرسال: يأتي MAIL FROM ثم RCPT TO واحد على الأقل قبل { $command }.
smtp-why-data_before_rcpt = { $code } لأنه لم يُقبل أي مستلم بعد: أرسل RCPT TO:<address> واحدًا على الأقل قبل { $command }.
smtp-why-nested_mail = { $code } لأن هناك رسالة قيد الإرسال بالفعل: أكملها، أو نفّذ RSET، قبل MAIL FROM جديد.
smtp-why-auth_in_transaction = { $code } لأن AUTH غير مسموح في أثناء معاملة بريد: نفّذ المصادقة قبل MAIL FROM (أو بعد RSET).
smtp-why-data_after_bdat = { $code } لأن DATA لا يمكن أن يأتي بعد BDAT في الرسالة نفسها: تابع إرسال دفعات BDAT.
smtp-why-message_rejected = { $code }: رُفضت الرسالة بعد إرسال محتواها (بسبب المحتوى أو الحجم أو السياسة)؛ ولم تُسلَّم.
smtp-why-message_deferred = { $code }: لم تُقبل الرسالة هذه المرة (مشكلة مؤقتة)؛ وعلى المرسل أن يعيد المحاولة لاحقًا.
smtp-why-no_valid_recipients = { $code } لأنه لم يُقبل أي مستلم، فلا أحد تُسلَّم إليه الرسالة.
smtp-why-needs_auth_or_tls = { $code }: يريد الخادم أمانًا أكثر قبل هذا الأمر: STARTTLS و/أو AUTH أولًا.

## [smtp.after.ehlo]

smtp-after-ehlo-250 = 250 ردًّا على EHLO: الخادم يحيّيك؛ والأسطر التالية تسرد امتداداته، واحدًا في كل سطر.

## [smtp.after.helo]

smtp-after-helo-250 = 250 ردًّا على HELO: تمت التحية (بلا امتدادات مع HELO). التالي: MAIL FROM:<address>.

## [smtp.after.mail]

smtp-after-mail-250 = قُبل المرسل: بدأت رسالة جديدة. التالي: RCPT TO:<address> لكل مستلم.

## [smtp.after.rcpt]

smtp-after-rcpt-250 = قُبل المستلم. أضف غيره بـ RCPT TO، أو أرسل DATA.
smtp-after-rcpt-251 = قُبل المستلم مع أنه ليس محليًا؛ وسيحوّل الخادم الرسالة إليه.
smtp-after-rcpt-550 = رُفض المستلم (صندوق بريد غير معروف أو سياسة). ولا يتأثر المستلمون الآخرون.
smtp-after-rcpt-553 = رُفض عنوان المستلم: صيغته خاطئة أو غير مسموح به.

## [smtp.after.data]

smtp-after-data-354 = تفضّل: اكتب الرسالة (رأس الرسالة، سطر فارغ، نص الرسالة)؛ وسطر لا يحوي إلا "." ينهيها. الأسطر التي تبدأ بـ "." تُضاف إليها نقطة أخرى.
smtp-after-data-250 = قُبلت الرسالة للتسليم: انتهت المعاملة. ابدأ أخرى بـ MAIL FROM، أو أنهِ الجلسة بـ QUIT.

## [smtp.after.bdat]

smtp-after-bdat-250 = وصلت الدفعة؛ ومع LAST تكتمل الرسالة وتُقبل.
smtp-after-bdat-552 = الرسالة كبيرة جدًا: الدفعات تتجاوز حد الحجم.

## [smtp.after.rset]

smtp-after-rset-250 = إعادة ضبط: أُلغيت الرسالة الحالية (المرسل، المستلمون، البيانات).

## [smtp.after.noop]

smtp-after-noop-250 = NOOP: الخادم يعمل.

## [smtp.after.quit]

smtp-after-quit-221 = وداعًا: الخادم يغلق الاتصال.

## [smtp.after.vrfy]

smtp-after-vrfy-250 = العنوان صالح؛ ويذكر النص صندوق البريد كاملًا.
smtp-after-vrfy-252 = لن يؤكد الخادم العنوان (ليحمي المستخدمين من جمع العناوين)، لكنه سيقبل البريد المرسل إليه.
smtp-after-vrfy-550 = لا يوجد مستخدم بهذا الاسم هنا.

## [smtp.after.expn]

smtp-after-expn-250 = أعضاء القائمة.
smtp-after-expn-252 = لن يكشف الخادم أعضاء القائمة.

## [smtp.after.auth]

smtp-after-auth-235 = تمت المصادقة: يمكنك الآن إرسال البريد بصفتك هذا المستخدم.
smtp-after-auth-535 = فشلت المصادقة: اسم المستخدم أو كلمة المرور خاطئة.
smtp-after-auth-503 = رُفض AUTH في هذه المرحلة: أنت مسجَّل الدخول مسبقًا، أو لم ترسل EHLO بعد، أو هناك معاملة بريد مفتوحة، أو AUTH غير متاح هنا؛ والنص يوضح أيّها.

## [smtp.after.starttls]

smtp-after-starttls-220 = ابدأ TLS الآن: البايتات التالية هي مصافحة TLS. أرسل EHLO من جديد بعدها: فقد تتغير قائمة الامتدادات (وغالبًا يظهر AUTH).
smtp-after-starttls-454 = TLS غير متاح الآن.

## [smtp.after.help]

smtp-after-help-214 = نص مساعدة من الخادم.

## [smtp.warn]

smtp-warn-cleartext_auth = تحذير: هذا الاتصال بلا TLS، فقد عبرت بيانات الدخول الشبكة الآن بترميز base64 (ويستطيع أي أحد قراءتها). استخدم STARTTLS أو المنفذ 465.

## [smtp.ehlo]

smtp-ehlo-pipelining = PIPELINING: يمكنك إرسال عدة أوامر دون انتظار رد كل منها.
smtp-ehlo-size = SIZE { $value }: أكبر رسالة يقبلها الخادم، بالبايت ({ $size }).
smtp-size-unlimited = بلا حد ثابت
smtp-size-mb = حوالي { $n } ميغابايت
smtp-size-kb = حوالي { $n } كيلوبايت
smtp-size-octets = { $n ->
        [zero] { $n } بايت
        [one] بايت واحد
        [two] بايتان
        [few] { $n } بايتات
        [many] { $n } بايتًا
       *[other] { $n } بايت
    }
smtp-ehlo-8bitmime = 8BITMIME: يمكن أن يحوي نص الرسالة بايتات من 8 بت (MAIL FROM ... BODY=8BITMIME).
smtp-ehlo-smtputf8 = SMTPUTF8: يمكن أن تحوي العناوين وحقول الرأس نصًا بترميز UTF-8.
smtp-ehlo-enhancedstatuscodes = ENHANCEDSTATUSCODES: تحمل الردود رمزًا مفصّلًا (class.subject.detail) بعد الأرقام الثلاثة.
smtp-ehlo-starttls = STARTTLS: يمكنك تحويل هذا الاتصال إلى TLS.
smtp-ehlo-auth = AUTH { $value }: آليات SASL التي يمكنك تسجيل الدخول بها.
smtp-ehlo-chunking = CHUNKING: الأمر BDAT متاح: أرسل الرسالة على دفعات بحجم محدد، دون مضاعفة النقاط في أول الأسطر.
smtp-ehlo-binarymime = BINARYMIME: مع BDAT يمكن أن يكون نص الرسالة بيانات ثنائية خامًا (BODY=BINARYMIME).
smtp-ehlo-dsn = DSN: يمكنك طلب إشعارات بحالة التسليم (NOTIFY=، RET=، ENVID=، ORCPT=).
smtp-ehlo-help = HELP: يجيب الخادم عن الأمر HELP.
smtp-ehlo-vrfy = VRFY: يجيب الخادم عن VRFY (وقد يرفض مع ذلك تأكيد العناوين).
smtp-ehlo-expn = EXPN: يكشف الخادم أعضاء القوائم البريدية عند الطلب.
smtp-ehlo-etrn = ETRN: يمكن للعميل أن يطلب من الخادم إفراغ طابور رسائله لنطاق ما.
smtp-ehlo-deliverby = DELIVERBY: يمكن طلب مهلة قصوى للتسليم.
smtp-ehlo-requiretls = REQUIRETLS: يمكن للمرسل أن يشترط TLS في كل مرحلة من مراحل التسليم.
smtp-ehlo-mt_priority = MT-PRIORITY: يمكن أن تحمل الرسائل أولوية.
smtp-ehlo-burl = BURL: يمكن جلب الرسالة من خادم IMAP برابط URL بدل إرسالها.
smtp-ehlo-unknown = { $keyword }: امتداد لا تعرفه هذه الأداة.
