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

## [sasl.mech]: login methods a server offers (SMTP AUTH, POP3 SASL)

sasl-mech-plain = PLAIN: اسم المستخدم وكلمة المرور في سلسلة base64 واحدة؛ يقرؤهما أي أحد بدون TLS.
sasl-mech-login = LOGIN: اسم المستخدم وكلمة المرور في جوابين بترميز base64. لم يُعتمد معيارًا قط (مسودة إنترنت منتهية فقط)، مع أنه منتشر؛ PLAIN هو الطريقة المعيارية.
sasl-mech-cram_md5 = CRAM-MD5: يثبت معرفة كلمة المرور بحساب HMAC-MD5 لتحدي الخادم، دون إرسالها أبدًا.
sasl-mech-scram_sha_1 = SCRAM-SHA-1: يثبت معرفة كلمة المرور دون إرسالها، ويثبت الخادم أيضًا أنه يعرفها.
sasl-mech-scram_sha_256 = SCRAM-SHA-256: يثبت معرفة كلمة المرور دون إرسالها، ويثبت الخادم أيضًا أنه يعرفها.
sasl-mech-oauthbearer = OAUTHBEARER: تسجيل الدخول برمز OAuth 2.0 بدل كلمة المرور.
sasl-mech-xoauth2 = XOAUTH2: تسجيل دخول Google وMicrosoft برمز OAuth 2.0، ليس معيارًا من IETF (أما OAUTHBEARER فمعيار).
sasl-mech-gssapi = GSSAPI: تسجيل دخول موحّد عبر Kerberos.
sasl-mech-digest_md5 = DIGEST-MD5: طريقة دخول قديمة بالتحدي والاستجابة، أُعلنت الآن تاريخية (متروكة).
sasl-mech-external = EXTERNAL: الهوية تأتي من خارج SASL، مثل شهادة العميل في TLS.
sasl-mech-ntlm = NTLM: طريقة دخول من Microsoft بالتحدي والاستجابة، ليست معيارًا من IETF.

## [smtp.enh_class]

smtp-enh_class-2 = نجاح
smtp-enh_class-4 = فشل مؤقت (أعد المحاولة لاحقًا)
smtp-enh_class-5 = فشل دائم (لا تكرر الطلب كما هو)

## [smtp.enh]

smtp-enh-unknown = { $code }: { $class }؛ رمز تفصيلي غير مسجَّل.

## [smtp.enh.0]

smtp-enh-0-0 = حالة أخرى أو غير محددة: لا تفاصيل إضافية

## [smtp.enh.1]

smtp-enh-1-0 = حالة العنوان: أمر يخص عنوانًا (المرسل أو المستلم)
smtp-enh-1-1 = عنوان صندوق البريد في الوجهة خاطئ: لا يوجد هذا المستخدم في الوجهة
smtp-enh-1-2 = عنوان نظام الوجهة خاطئ: جزء النطاق خاطئ أو لا يقبل البريد
smtp-enh-1-3 = صيغة عنوان صندوق البريد في الوجهة خاطئة
smtp-enh-1-4 = عنوان صندوق البريد في الوجهة مبهم: يطابق عدة صناديق بريد
smtp-enh-1-5 = عنوان الوجهة صالح
smtp-enh-1-6 = صندوق البريد في الوجهة انتقل، ولا عنوان لإعادة التوجيه
smtp-enh-1-7 = صيغة عنوان صندوق بريد المرسل خاطئة
smtp-enh-1-8 = عنوان نظام المرسل خاطئ: نطاق المرسل غير صالح
smtp-enh-1-9 = مُرِّرت الرسالة إلى نظام بريد غير ملتزم بالمعيار: قد لا يُبلَّغ عن حالة التسليم
smtp-enh-1-10 = نطاق المستلم له سجل MX فارغ (null MX): لا يقبل أي بريد

## [smtp.enh.2]

smtp-enh-2-0 = حالة صندوق البريد: أمر يخص صندوق بريد المستلم
smtp-enh-2-1 = صندوق البريد معطَّل، لا يقبل الرسائل
smtp-enh-2-2 = صندوق البريد ممتلئ
smtp-enh-2-3 = طول الرسالة يتجاوز حدًا إداريًا
smtp-enh-2-4 = مشكلة في توسيع القائمة البريدية

## [smtp.enh.3]

smtp-enh-3-0 = حالة نظام البريد: أمر يخص النظام المستقبِل
smtp-enh-3-1 = نظام البريد ممتلئ (نفدت مساحة التخزين)
smtp-enh-3-2 = النظام لا يقبل رسائل من الشبكة (يتوقف عن العمل مثلًا)
smtp-enh-3-3 = النظام لا يدعم الميزات المطلوبة
smtp-enh-3-4 = الرسالة أكبر مما يقبله النظام
smtp-enh-3-5 = إعدادات النظام خاطئة
smtp-enh-3-6 = تغيّرت الأولوية المطلوبة

## [smtp.enh.4]

smtp-enh-4-0 = حالة الشبكة أو التوجيه
smtp-enh-4-1 = لا جواب من المضيف
smtp-enh-4-2 = اتصال سيئ
smtp-enh-4-3 = عطل في خادم الدليل (مثل DNS)
smtp-enh-4-4 = تعذّر التوجيه: لا طريق للوصول إلى الوجهة
smtp-enh-4-5 = ازدحام في نظام البريد
smtp-enh-4-6 = اكتُشفت حلقة توجيه
smtp-enh-4-7 = انتهت مهلة التسليم

## [smtp.enh.5]

smtp-enh-5-0 = حالة بروتوكول تسليم البريد
smtp-enh-5-1 = أمر غير صالح (غير معروف، أو في غير ترتيبه)
smtp-enh-5-2 = خطأ في الصيغة
smtp-enh-5-3 = عدد المستلمين كبير جدًا
smtp-enh-5-4 = وسائط الأمر غير صالحة
smtp-enh-5-5 = إصدار البروتوكول خاطئ
smtp-enh-5-6 = سطر تبادل المصادقة طويل جدًا

## [smtp.enh.6]

smtp-enh-6-0 = حالة محتوى الرسالة أو نوع الوسائط
smtp-enh-6-1 = نوع الوسائط غير مدعوم
smtp-enh-6-2 = التحويل مطلوب لكنه ممنوع
smtp-enh-6-3 = التحويل مطلوب لكنه غير مدعوم
smtp-enh-6-4 = أُجري تحويل مع فقدان بعض المحتوى
smtp-enh-6-5 = فشل التحويل
smtp-enh-6-6 = محتوى الرسالة غير متاح (BURL)
smtp-enh-6-7 = العناوين غير ASCII غير مسموح بها لهذا المرسل أو المستلم
smtp-enh-6-8 = يلزم رد بنص UTF-8، لكن العميل لم يسمح به
smtp-enh-6-9 = رسالة برأس UTF-8 لا يمكن نقلها إلى مستلم أو أكثر
smtp-enh-6-10 = يلزم رد بنص UTF-8، لكن العميل لم يسمح به (تكرار لـ X.6.8، مهجور)

## [smtp.enh.7]

smtp-enh-7-0 = حالة أمن أو سياسة (غالبًا: تلزم المصادقة أو STARTTLS)
smtp-enh-7-1 = التسليم غير مصرَّح به، رُفضت الرسالة (مثل رفض التمرير relay، أو حظر المرسل)
smtp-enh-7-2 = توسيع القائمة البريدية ممنوع
smtp-enh-7-3 = يلزم تحويل أمني لكنه غير ممكن
smtp-enh-7-4 = الميزات الأمنية غير مدعومة
smtp-enh-7-5 = فشل تشفيري
smtp-enh-7-6 = خوارزمية التشفير غير مدعومة
smtp-enh-7-7 = فشل في التحقق من سلامة الرسالة
smtp-enh-7-8 = بيانات المصادقة غير صالحة
smtp-enh-7-9 = آلية المصادقة ضعيفة جدًا، أو يريد الخادم بيانات اعتماد أخرى
smtp-enh-7-10 = التشفير لازم
smtp-enh-7-11 = التشفير لازم لآلية المصادقة المطلوبة
smtp-enh-7-12 = يلزم الانتقال إلى كلمة مرور جديدة
smtp-enh-7-13 = حساب المستخدم معطَّل
smtp-enh-7-14 = تلزم علاقة ثقة
smtp-enh-7-15 = مستوى الأولوية منخفض جدًا
smtp-enh-7-16 = الرسالة كبيرة جدًا بالنسبة إلى الأولوية المحددة
smtp-enh-7-17 = تغيّر مالك صندوق البريد
smtp-enh-7-18 = تغيّر مالك النطاق
smtp-enh-7-19 = تعذّر إكمال فحص RRVS
smtp-enh-7-20 = لم يوجد توقيع DKIM ناجح
smtp-enh-7-21 = لم يوجد توقيع DKIM مقبول
smtp-enh-7-22 = لم يوجد توقيع DKIM صالح يطابق المؤلف
smtp-enh-7-23 = فشل التحقق بـ SPF
smtp-enh-7-24 = خطأ في التحقق بـ SPF
smtp-enh-7-25 = فشل التحقق من DNS العكسي
smtp-enh-7-26 = فشلت عدة فحوص للمصادقة
smtp-enh-7-27 = نطاق عنوان المرسل له سجل MX فارغ (null MX): لا يقبل أي ردود
smtp-enh-7-28 = اكتُشف سيل من الرسائل
smtp-enh-7-29 = فشل التحقق بـ ARC
smtp-enh-7-30 = يلزم دعم REQUIRETLS
smtp-enh-7-0_success = نجحت المصادقة

## [smtp.postfix]

smtp-postfix-greeting = تحية Postfix (220): جاهز لـ EHLO. كلمة "ESMTP" تعني أن الخادم يدعم الامتدادات؛ ويعرض Postfix اسمه ما لم يُخفَ.
smtp-postfix-ready_tls = Postfix جاهز لمصافحة TLS: ابدأ TLS الآن، ثم أرسل EHLO من جديد.
smtp-postfix-relay_denied = يرفض Postfix تمرير الرسالة (relay): نطاق المستلم ليس من النطاقات التي يخدمها هذا الخادم، وأنت غير مُصادَق ولا موثوق. سجّل الدخول بـ AUTH (عادةً على منفذ الإرسال submission) لترسل إلى نطاقات أخرى.
smtp-postfix-unknown_virtual = لا يعرف Postfix هذا المستلم: النطاق هنا نطاق صناديق بريد افتراضية، لكن لا يوجد صندوق بريد لهذا العنوان.
smtp-postfix-unknown_local = لا يعرف Postfix هذا المستلم: لا يوجد مستخدم محلي أو اسم بديل (alias) بهذا الاسم.
smtp-postfix-recipient_rejected = رفض Postfix هذا المستلم؛ النص بعد "rejected:" يذكر السبب (مستخدم مجهول، أو سياسة، أو قاعدة خاصة بالموقع).
smtp-postfix-sender_rejected = رفض Postfix عنوان المرسل (سياسة: نطاق مجهول، أو عنوان لا يملكه المستخدم المسجِّل دخوله ...).
smtp-postfix-helo_rejected = رفض Postfix الاسم في EHLO/HELO (مثلًا: ليس اسم نطاق كاملًا).
smtp-postfix-unknown_command = لا يعرف Postfix هذا الأمر: إما مكتوب خطأً، أو لا يقدمه Postfix (ليس فيه HELP مثلًا). اكتب :help لعرض الأوامر.
smtp-postfix-need_mail = صياغة Postfix لـ RCPT أو DATA قبل MAIL FROM: ابدأ الرسالة بـ MAIL FROM:<address>.
smtp-postfix-need_rcpt = صياغة Postfix لـ DATA قبل أي RCPT TO مقبول (يقولها حتى لو كان MAIL FROM ناقصًا أيضًا): MAIL FROM، ثم RCPT TO، ثم DATA.
smtp-postfix-nested_mail = صياغة Postfix لـ MAIL FROM بينما رسالة قيد الإرسال: أكملها أو أرسل RSET.
smtp-postfix-send_helo_first = يريد Postfix الأمر EHLO أو HELO قبل هذا الأمر.
smtp-postfix-starttls_first = يطلب هذا الخادم TLS قبل هذا الأمر: أرسل STARTTLS، ثم EHLO من جديد، ثم AUTH أو MAIL.
smtp-postfix-auth_failed = رفض Postfix (عبر نظام SASL الخلفي لديه) اسم المستخدم أو كلمة المرور.
smtp-postfix-pipelining = رأى Postfix أوامر أُرسلت قبل ردودها دون استعمال PIPELINING استعمالًا صحيحًا (مثل إرسال رسالة قبل أن يأذن الخادم): فيتجاهلها.
smtp-postfix-too_big = الرسالة أكبر من message_size_limit في Postfix (انظر SIZE في رد EHLO).
smtp-postfix-timeout = توقف Postfix عن انتظار العميل ويغلق الاتصال.
smtp-postfix-auth_not_enabled = لا يقدم Postfix الأمر AUTH على هذا المنفذ (لا يذكر EHLO أي AUTH): سجّل الدخول على منفذ الإرسال submission، بعد STARTTLS.
smtp-postfix-already_authenticated = Postfix: سجّلت هذه الجلسة الدخول من قبل؛ ينجح AUTH مرة واحدة فقط في كل جلسة.
smtp-postfix-client_rejected = يرفض Postfix البريد من هذا العميل هنا: على هذا المنفذ يجب تسجيل الدخول بـ AUTH قبل MAIL FROM وRCPT TO.

## [smtp.gmail]

smtp-gmail-app_password = يرفض Gmail كلمة المرور العادية للحساب لأن الحساب يستعمل التحقق بخطوتين: أنشئ كلمة مرور للتطبيق (16 حرفًا) من إعدادات الأمان في حساب Google وسجّل الدخول بها.
smtp-gmail-bad_credentials = رفض Gmail اسم المستخدم أو كلمة المرور.
smtp-gmail-learn_more = بقية رد Gmail: عنوان صفحة المساعدة الخاصة بهذا الخطأ.

## POP3 explanations
## [pop3]

pop3-ok = +OK: نجح الأمر.
pop3-err = -ERR: فشل الأمر؛ النص يوضح السبب.
pop3-greeting = تحية الخادم: أنت متصل، في حالة التفويض. سجّل الدخول بـ USER ثم PASS (أو APOP، أو AUTH).
pop3-greeting_apop = تحية الخادم: أنت في حالة التفويض. الختم الزمني <...> يعني أن APOP يعمل أيضًا: تسجيل الدخول دون إرسال كلمة المرور (USER وPASS يعملان كذلك).
pop3-terminator = سطر لا يحوي إلا ".": نهاية الرد متعدد الأسطر.
pop3-other = ليس سطر حالة في POP3: الردود تبدأ بـ +OK أو -ERR؛ والرد متعدد الأسطر ينتهي بسطر لا يحوي إلا ".".
pop3-body = الرسالة ({ $octets ->
        [one] بايت واحد
        [two] بايتان
        [few] { $octets } بايتات
        [many] { $octets } بايتًا
       *[other] { $octets } بايت
    })، مرسلة ردًّا متعدد الأسطر: الأسطر التي تبدأ بـ "." تحمل نقطة إضافية يزيلها العميل.

## [pop3.cont]

pop3-cont-sasl = تحدي SASL (بترميز base64): أجب بسطر base64، أو "*" للإلغاء.
pop3-cont-sasl_decoded = تحدي SASL: هو base64 لـ "{ $decoded }". أجب بسطر base64، أو "*" للإلغاء.

## [pop3.why]

pop3-why-unknown_command = -ERR لأن الخادم لا يعرف أمرًا اسمه { $command }. اكتب :help لعرض الأوامر.
pop3-why-needs_login = -ERR لأن الأمر { $command } يتطلب تسجيل الدخول: USER ثم PASS أولًا.
pop3-why-already_logged_in = -ERR لأنك سجّلت الدخول بالفعل: الأمر { $command } صالح فقط في حالة التفويض.
pop3-why-wrong_state = -ERR لأن الأمر { $command } غير صالح في حالة { $state } (صالح في: { $valid }).

## [pop3.warn]

pop3-warn-cleartext_login = تحذير: هذا الاتصال بلا TLS، فعبرت كلمة المرور الشبكة للتو نصًا عاديًا بدون تشفير. استخدم STLS أو المنفذ 995.

## [pop3.after.user]

pop3-after-user-ok = سُجّل اسم المستخدم؛ أرسل الآن PASS مع كلمة المرور.
pop3-after-user-err = رُفض اسم المستخدم (بعض الخوادم لا تقول ذلك إلا بعد PASS).

## [pop3.after.pass]

pop3-after-pass-ok = تم تسجيل الدخول: صندوق البريد محجوز لك والجلسة في حالة المعاملة. جرّب STAT أو LIST.
pop3-after-pass-err = فشل تسجيل الدخول: اسم المستخدم أو كلمة المرور خاطئة (أو صندوق البريد محجوز). ابدأ من جديد بـ USER.

## [pop3.after.apop]

pop3-after-apop-ok = تم تسجيل الدخول بـ APOP: الجلسة في حالة المعاملة.
pop3-after-apop-err = فشل APOP: الملخص (digest) غير مطابق (كلمة مرور أو ختم زمني خاطئ).

## [pop3.after.auth]

pop3-after-auth-ok = تمت المصادقة عبر SASL: الجلسة في حالة المعاملة.
pop3-after-auth-err = فشلت المصادقة عبر SASL.

## [pop3.after.stls]

pop3-after-stls-ok = ابدأ TLS الآن: البايتات التالية هي مصافحة TLS.
pop3-after-stls-err = TLS غير متاح.

## [pop3.after.capa]

pop3-after-capa-ok = تتبع قائمة الإمكانات، واحدة في كل سطر، وتنتهي بـ ".".

## [pop3.after.stat]

pop3-after-stat-ok = في صندوق البريد { $first ->
        [zero] لا رسائل
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $first } رسائل
        [many] { $first } رسالة
       *[other] { $first } رسالة
    }، مجموع حجمها { $second ->
        [one] بايت واحد
        [two] بايتان
        [few] { $second } بايتات
        [many] { $second } بايتًا
       *[other] { $second } بايت
    } (دون الرسائل التي عليها علامة الحذف بـ DELE).

## [pop3.after.list]

pop3-after-list-ok = حجم الرسالة { $first }: { $second ->
        [one] بايت واحد
        [two] بايتان
        [few] { $second } بايتات
        [many] { $second } بايتًا
       *[other] { $second } بايت
    }.
pop3-after-list-ok_multi = تتبع قائمة الرسائل: سطر لكل رسالة "الرقم الحجم"، ثم ".".
pop3-after-list-err = لا توجد هذه الرسالة (أو عليها علامة الحذف).

## [pop3.after.retr]

pop3-after-retr-ok = تتبع الرسالة، ثم سطر لا يحوي إلا ".".
pop3-after-retr-err = لا توجد هذه الرسالة (أو عليها علامة الحذف).

## [pop3.after.top]

pop3-after-top-ok = يتبع رأس الرسالة والعدد المطلوب من أسطر نص الرسالة، ثم ".".
pop3-after-top-err = لا توجد هذه الرسالة، أو أن TOP غير مدعوم.

## [pop3.after.dele]

pop3-after-dele-ok = وُضعت على الرسالة علامة الحذف؛ تُحذف عند QUIT (وRSET يزيل العلامة).
pop3-after-dele-err = لا توجد هذه الرسالة، أو عليها علامة الحذف من قبل.

## [pop3.after.rset]

pop3-after-rset-ok = أُزيلت كل علامات الحذف.

## [pop3.after.noop]

pop3-after-noop-ok = NOOP: الخادم يعمل.

## [pop3.after.uidl]

pop3-after-uidl-ok = للرسالة { $first } الرمز الفريد { $second }.
pop3-after-uidl-ok_multi = تتبع قائمة الرموز الفريدة: سطر لكل رسالة "الرقم الرمز"، ثم ".".
pop3-after-uidl-err = لا توجد هذه الرسالة (أو عليها علامة الحذف).

## [pop3.after.quit]

pop3-after-quit-ok = وداعًا: حُذفت الآن الرسائل التي عليها علامة الحذف بـ DELE (حالة التحديث)، ويُغلق الاتصال.
pop3-after-quit-ok_authorization = وداعًا: لم تكن قد سجّلت الدخول، فلم يتغير شيء.

## [pop3.data]

pop3-data-list = حجم الرسالة { $first }: { $second ->
        [one] بايت واحد
        [two] بايتان
        [few] { $second } بايتات
        [many] { $second } بايتًا
       *[other] { $second } بايت
    }.
pop3-data-uidl = للرسالة { $first } الرمز الفريد { $second }؛ ويبقى الرمز نفسه من جلسة إلى أخرى.

## [pop3.shape]

pop3-shape-two_numbers = رقمان بعد +OK: بعد STAT، في صندوق البريد { $first ->
        [zero] لا رسائل
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $first } رسائل
        [many] { $first } رسالة
       *[other] { $first } رسالة
    } مجموع حجمها { $second ->
        [one] بايت واحد
        [two] بايتان
        [few] { $second } بايتات
        [many] { $second } بايتًا
       *[other] { $second } بايت
    }؛ وبعد LIST { $first }، حجم الرسالة { $first }: { $second ->
        [one] بايت واحد
        [two] بايتان
        [few] { $second } بايتات
        [many] { $second } بايتًا
       *[other] { $second } بايت
    }.
pop3-shape-listing = بعد LIST دون وسيط: تتبع قائمة الأحجام لـ { $first ->
        [zero] لا رسائل
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $first } رسائل
        [many] { $first } رسالة
       *[other] { $first } رسالة
    }، سطر "الرقم الحجم" لكل رسالة، ثم ".".
pop3-shape-octets = بعد RETR (أو TOP): تتبع الرسالة ({ $first ->
        [one] بايت واحد
        [two] بايتان
        [few] { $first } بايتات
        [many] { $first } بايتًا
       *[other] { $first } بايت
    })، ثم سطر لا يحوي إلا ".".
pop3-shape-unique_id = بعد UIDL { $first }: للرسالة { $first } الرمز الفريد { $second }، ويبقى نفسه من جلسة إلى أخرى.
pop3-shape-bare = +OK وحدها: نجح الأمر ولا شيء يُضاف (هكذا يرد على USER وNOOP وRSET)؛ وبعد CAPA أو UIDL أو TOP يتبع رد متعدد الأسطر ينتهي بـ ".".
pop3-shape-deleted = بعد DELE: وُضعت على الرسالة علامة الحذف؛ تُحذف عند QUIT، وRSET يزيل العلامة.
pop3-shape-maildrop = بعد PASS أو APOP: تم تسجيل الدخول؛ صندوق البريد محجوز لهذه الجلسة، وهي الآن في حالة المعاملة. جرّب STAT أو LIST.
pop3-shape-text = +OK بكلمات الخادم نفسه: نجح الأمر. وإن كان أول سطر في الاتصال فهو التحية (حالة التفويض).

## [pop3.code]

pop3-code-in_use = [IN-USE]: صندوق البريد محجوز لجلسة أخرى (عميل آخر سجّل الدخول مثلًا).
pop3-code-login_delay = [LOGIN-DELAY]: تسجّل الدخول كثيرًا؛ انتظر قبل المحاولة من جديد.
pop3-code-sys = [{ $code }]: مشكلة في النظام، لا في بيانات دخولك.
pop3-code-sys_temp = [SYS/TEMP]: مشكلة مؤقتة في النظام، لا في بيانات دخولك؛ أعد المحاولة لاحقًا.
pop3-code-sys_perm = [SYS/PERM]: مشكلة دائمة في النظام، لا في بيانات دخولك؛ راجع مدير النظام.
pop3-code-auth = [AUTH]: الفشل سببه بيانات دخولك (اسم المستخدم أو كلمة المرور)، لا النظام.
pop3-code-utf8 = [UTF8]: الطلب يحتاج إلى وضع UTF-8.
pop3-code-unknown = [{ $code }]: رمز رد لا تعرفه هذه الأداة.

## [pop3.capa]

pop3-capa-top = TOP: الأمر TOP مدعوم.
pop3-capa-user = USER: تسجيل الدخول بـ USER وPASS.
pop3-capa-sasl = SASL { $value }: آليات AUTH المتاحة.
pop3-capa-resp_codes = RESP-CODES: ردود -ERR تحمل رموزًا بين أقواس معقوفة، مثل [IN-USE].
pop3-capa-login_delay = LOGIN-DELAY { $value }: أقل عدد من الثواني بين تسجيلَي دخول.
pop3-capa-pipelining = PIPELINING: يمكن إرسال عدة أوامر دون انتظار ردودها.
pop3-capa-expire = EXPIRE { $value }: كم يومًا يحتفظ الخادم بالرسائل بعد جلبها (NEVER: إلى الأبد).
pop3-capa-uidl = UIDL: الأمر UIDL مدعوم.
pop3-capa-implementation = IMPLEMENTATION { $value }: برنامج الخادم.
pop3-capa-stls = STLS: يمكن تحويل الاتصال إلى TLS.
pop3-capa-auth_resp_code = AUTH-RESP-CODE: تسجيل الدخول الفاشل يحمل [AUTH] حين يكون الخطأ في بيانات الدخول.
pop3-capa-utf8 = UTF8: وضع UTF-8 متاح.
pop3-capa-lang = LANG: يمكن تبديل لغة نصوص الخادم.
pop3-capa-unknown = { $keyword }: إمكانية لا تعرفها هذه الأداة.
pop3-capa-capa = CAPA: الأمر CAPA نفسه مدعوم.

## [pop3.dovecot]

pop3-dovecot-greeting = تحية POP3 من Dovecot: أنت في حالة التفويض، سجّل الدخول بـ USER ثم PASS (أو AUTH).
pop3-dovecot-auth_failed = رفض Dovecot اسم المستخدم أو كلمة المرور؛ يقول الشيء نفسه في كل حالة كي لا يستطيع أحد أن يكتشف أسماء المستخدمين الموجودة.
pop3-dovecot-plaintext_disallowed = يرفض Dovecot كلمات المرور على اتصال بلا TLS: استخدم STLS (أو المنفذ 995) أولًا.
pop3-dovecot-logged_in = تم تسجيل الدخول (بصياغة Dovecot): صندوق البريد لك والجلسة في حالة المعاملة. جرّب STAT أو LIST.
pop3-dovecot-logging_out = Dovecot يودّعك؛ تُنفَّذ عمليات الحذف ويُغلق الاتصال.
pop3-dovecot-unknown_command = لا يعرف Dovecot هذا الأمر هنا: أمر مكتوب خطأً، أو غير صالح في هذه الحالة (مثل STAT قبل تسجيل الدخول، أو USER بعده).
pop3-dovecot-noise = لم يستطع Dovecot قراءة الوسائط: يحتاج TOP إلى رقم رسالة وعدد أسطر (TOP 1 5).
pop3-dovecot-no_message = لا توجد رسالة بهذا الرقم (أو عليها علامة الحذف).
pop3-dovecot-idle_timeout = أغلق Dovecot الجلسة الخاملة.
pop3-dovecot-marked = رد Dovecot على DELE: وُضعت على الرسالة علامة الحذف؛ تُحذف عند QUIT، وRSET يزيل العلامة.
pop3-dovecot-no_username = تلقى Dovecot الأمر PASS دون USER قبله: أرسل USER مع الاسم أولًا، ثم PASS.
pop3-dovecot-apop_disabled = هذا الخادم لا يقدم APOP (تحيته لا تحمل <timestamp>): سجّل الدخول بـ USER وPASS، أو AUTH.

## [imap.dovecot]

imap-dovecot-greeting = تحية Dovecot: أنت متصل ولم تسجّل الدخول. تأتي معها قائمة إمكاناته، فلا حاجة إلى الأمر CAPABILITY.
imap-dovecot-auth_failed = صياغة Dovecot لفشل تسجيل الدخول: اسم المستخدم أو كلمة المرور خاطئة. يرد بالشيء نفسه في كل حالة (وبعد تأخير قصير) كي لا يستطيع أحد اكتشاف أسماء المستخدمين أو تخمين كلمات المرور بسرعة.
imap-dovecot-unknown_command = يقول Dovecot "Unknown command" لأمر مكتوب خطأً، وكذلك لأمر حقيقي غير صالح في هذه الحالة (مثل LOGIN بعد تسجيل الدخول): تحقق من الكتابة ومن حالة الجلسة.
imap-dovecot-bad_command = لم يستطع Dovecot قبول هذا الأمر: النص بعد النقطتين يقول ما الخطأ.
imap-dovecot-invalid_arguments = لم يستطع Dovecot تحليل وسائط الأمر (ناقصة أو مشوهة): اكتب :help لترى صيغته.
imap-dovecot-invalid_messageset = أرقام الرسائل لا تناسب صندوق البريد هذا: مجموعة الأرقام مشوهة أو تذكر رسائل غير موجودة (مثل FETCH 1 في صندوق بريد فارغ).
imap-dovecot-prelogin_bad = لم تستطع عملية تسجيل الدخول في Dovecot قبول هذا: قبل تسجيل الدخول لا تقبل إلا CAPABILITY وNOOP وID وSTARTTLS وLOGIN وAUTHENTICATE وLOGOUT، مع وسائطها (SELECT وFETCH ... تحتاج إلى تسجيل الدخول أولًا). وبعد ثلاثة أخطاء كهذه يقطع الاتصال.
imap-dovecot-no_mailbox_selected = هذا الأمر يعمل على صندوق بريد مفتوح، ولا صندوق محدد: نفّذ SELECT أو EXAMINE أولًا.
imap-dovecot-no_such_mailbox = لا يوجد صندوق بريد بهذا الاسم: انظر LIST "" "*" لمعرفة الأسماء (حالة الأحرف فيها مهمة، إلا INBOX).
imap-dovecot-prelogin_capabilities = قبل تسجيل الدخول يذكر Dovecot فقط ما يلزم لتسجيل الدخول؛ وبعده يرسل القائمة الكاملة (مع الرد على LOGIN).
imap-dovecot-bye_logout = وداع Dovecot ردًّا على LOGOUT: يليه الرد ذو المعرف (OK)، ثم يُغلق الاتصال.
imap-dovecot-idle_timeout = أغلق Dovecot الاتصال لأن شيئًا لم يحدث مدة طويلة (يطلب الـ RFC من الخوادم أن تنتظر 30 دقيقة على الأقل).
imap-dovecot-too_many_invalid = توقف Dovecot بعد أوامر غير صالحة كثيرة ويغلق الاتصال.
imap-dovecot-plaintext_disallowed = يرفض Dovecot كلمات المرور على اتصال بلا TLS: استخدم STARTTLS (أو المنفذ 993) أولًا.
imap-dovecot-logged_in = تم تسجيل الدخول (بصياغة Dovecot): الجلسة في حالة بعد المصادقة. اختر صندوق بريد بـ SELECT.
imap-dovecot-store_ignored = قبل Dovecot الأمر STORE لكنه لم يغيّر شيئًا: صندوق البريد مفتوح للقراءة فقط (EXAMINE). افتحه بـ SELECT لتغيير العلامات.
imap-dovecot-auth_aborted = أنهى Dovecot تبادل AUTHENTICATE لأن العميل أجاب "*" (إلغاء): ما زلت لم تسجّل الدخول.

## [imap.section]

imap-section-whole = الرسالة كاملة، رأس الرسالة ونص الرسالة
imap-section-part = جزء MIME رقم { $part }
imap-section-header = رأس الرسالة
imap-section-text = نص الرسالة، دون الرأس
imap-section-mime = رأس MIME لهذا الجزء
imap-section-header_fields = حقول الرأس { $fields } فقط
imap-section-header_fields_not = رأس الرسالة دون الحقول { $fields }
imap-section-other = القسم [{ $section }]
imap-section-of_part = { $what } من الجزء { $part }
imap-section-partial = { $what }، بدءًا من البايت { $origin }

## [cli]: examples under each --help page

cli-examples-main =
    أمثلة:
      maillab                                   IMAP على الخادم المدمج (سجّل الدخول بـ alex / drums)
      maillab smtp                              SMTP على الخادم المدمج
      maillab connect imaps://imap.example.org  خادم حقيقي، مع شرح كل رد
      maillab explain "550 5.1.1 User unknown"  شرح سطر واحد من الخادم
      maillab serve                             خادم المختبر لقاعة الدرس

    الإعدادات: $XDG_CONFIG_HOME/maillab/config.toml (lang، color، explain، ca_file)؛ الخيارات في سطر الأوامر لها الأولوية.

cli-examples-imap =
    أمثلة:
      maillab imap                  ثم اكتب: LOGIN alex drums، SELECT INBOX، FETCH 1 BODY[]
      maillab imap --lang ar        الشروح بالعربية (بالإنجليزية حيث لا يوجد نص مترجم)
      maillab imap < session.txt    وضع السكربت: أمر في كل سطر، وسجل كامل للجلسة

cli-examples-pop3 =
    أمثلة:
      maillab pop3                  ثم اكتب: USER alex، PASS drums، STAT، RETR 1، QUIT
      maillab pop3 --transcript t.txt

cli-examples-smtp =
    أمثلة:
      maillab smtp                  ثم اكتب: EHLO me، MAIL FROM:<alex@maillab.test>، RCPT TO:<riley@maillab.test>، DATA
      printf 'EHLO me\nQUIT\n' | maillab smtp   وضع السكربت

cli-examples-connect =
    أمثلة:
      maillab connect imaps://imap.example.org
      maillab connect smtp://mail.example.org --submission --starttls
      maillab connect pop3s://localhost:1995 --ca-file lab-ca.pem
      maillab connect 127.0.0.1:1143 --protocol imap

cli-examples-explain =
    أمثلة:
      maillab explain "-ERR [IN-USE] maildrop is locked"
      maillab explain --file session.txt        سجل جلسة (--transcript) أو جلسة منسوخة ولصقها
      python3 my_client.py 2>&1 | maillab explain -
                                                مخرجات imaplib مع Debug = 4، وsmtplib مع set_debuglevel(1)،
                                                وpoplib مع set_debuglevel(2)

cli-examples-lesson =
    أمثلة:
      maillab lesson list
      maillab lesson run 1          الدرس الأول، خطوة خطوة
      maillab lesson run 1 --step 3
      maillab lesson new my-lesson  هيكل مع تعليقات لتكتب درسك الخاص

cli-examples-serve =
    المستمعات (المنفذ = المنفذ القياسي + --port-offset، و1000 افتراضيًا):
      smtp        1025  SMTP، مع عرض STARTTLS
      pop3        1110  POP3، مع عرض STLS
      imap        1143  IMAP، مع عرض STARTTLS
      smtps       1465  إرسال SMTP (submission) عبر TLS ضمني، المصادقة AUTH مطلوبة
      submission  1587  إرسال SMTP (submission)، مع STARTTLS، المصادقة AUTH مطلوبة
      imaps       1993  IMAP عبر TLS ضمني
      pop3s       1995  POP3 عبر TLS ضمني

    أمثلة:
      maillab serve                                      كل المستمعات على 127.0.0.1
      maillab serve --only imap,smtp --ca-out lab-ca.pem
      maillab serve --port-offset 2000 --require-tls

cli-examples-completions =
    أمثلة:
      maillab completions bash > ~/.local/share/bash-completion/completions/maillab
      maillab completions zsh > ~/.zfunc/_maillab
      maillab completions fish > ~/.config/fish/completions/maillab.fish

cli-examples-man =
    أمثلة:
      maillab man | man -l -
      maillab man > ~/.local/share/man/man1/maillab.1


## [repl]

repl-local_only = هنا لم تغادر البايتات هذا الجهاز (الخادم المدمج أو عنوان loopback)، فلم يستطع أحد غيرك قراءتها؛ أما على شبكة حقيقية فيستطيع ذلك كل من على الطريق.
repl-wait_nothing = لم يصل شيء خلال { $secs } ث: لم يكن لدى الخادم ما يقوله (في IMAP، نفّذ IDLE أولًا لتصلك التغييرات فورًا).
repl-queued_not_sent = { $n ->
    [one] لم يُرسَل سطر واحد كُتب مسبقًا: الاتصال مغلق.
    [two] لم يُرسَل سطران كُتبا مسبقًا: الاتصال مغلق.
    [few] لم تُرسَل { $n } أسطر مكتوبة مسبقًا: الاتصال مغلق.
    [many] لم يُرسَل { $n } سطرًا مكتوبًا مسبقًا: الاتصال مغلق.
   *[other] لم يُرسَل { $n } سطر مكتوب مسبقًا: الاتصال مغلق.
}
repl-valid_in = صالح في: { $states }
repl-not_a_command = { $name } ليس أمرًا من أوامر { $protocol }؛ اكتب :help لعرضها
repl-auth_mechanisms = الآليات: plain، login، cram-md5، xoauth2، oauthbearer
repl-auth_how-plain = سلسلة base64 واحدة تحوي \0user\0password
repl-auth_how-login = يسأل الخادم Username: ثم Password:، ويُجاب عن كلٍّ منهما بترميز base64
repl-auth_how-cram_md5 = يرسل الخادم تحديًا؛ والجواب هو اسم المستخدم وHMAC-MD5(password, challenge)، فلا تعبر كلمة المرور نفسها الشبكة أبدًا
repl-auth_how-xoauth2 = سلسلة base64 واحدة تحوي user=USER، ثم auth=Bearer TOKEN (رمز وصول OAuth 2.0)، يفصل بينها ^A (0x01)
repl-auth_how-oauthbearer = سلسلة base64 واحدة: n,a=USER، ثم المضيف والمنفذ وauth=Bearer TOKEN، يفصل بينها ^A (0x01)
repl-history_restored = أُعيد السر في سطر السجل هذا من الذاكرة (محفوظ لهذا التشغيل فقط؛ ملف السجل لا يحوي إلا ****).
repl-history_masked = لم يُرسَل: هذا السطر من السجل، وسرّه محفوظ فيه على شكل ****. اكتبه من جديد بكلمة المرور الحقيقية (أو الرمز).
repl-cleartext_password = تحذير: لا TLS على هذا الاتصال، وأرسل { $method } كلمة المرور نفسها { $how }: يستطيع أي أحد على الطريق قراءتها. استخدم { $upgrade } أو المنفذ { $port }.
repl-sent_base64 = بترميز base64 (ترميز يفكّه أي أحد، وليس تشفيرًا)
repl-sent_as_typed = كما كُتبت
repl-cleartext_digest = لا TLS على هذا الاتصال: أبقى { $method } كلمة المرور خارج الشبكة، لكن اسم المستخدم وملخّص تحدي الخادم عبراها مقروءين؛ ومن يسجّلهما يستطيع تجربة كلمات المرور على الملخّص دون اتصال. استخدم { $upgrade } أو المنفذ { $port }.
repl-cleartext_token = تحذير: لا TLS على هذا الاتصال، فأرسل { $method } رمز الوصول مقروءًا: من يقرؤه يستطيع استعماله حتى تنتهي صلاحيته. استخدم { $upgrade } أو المنفذ { $port }.
repl-reach_process = هنا ذهبت البايتات إلى الخادم المدمج داخل هذا البرنامج: لم تغادر العملية أبدًا.
repl-reach_machine = هنا ذهبت البايتات إلى عنوان loopback: لم تغادر هذا الجهاز أبدًا.

## src/repl/tls.rs

repl-tls-host_port_needs_protocol = HOST:PORT يحتاج إلى بروتوكول: اكتب imap://HOST:PORT، أو pop3://، أو smtp://
repl-tls-unknown_protocol_use_imap = بروتوكول مجهول { $protocol }: استخدم imap أو pop3 أو smtp
repl-tls-unknown_scheme_use_imap = مخطط مجهول { $other }: استخدم imap:// أو imaps:// أو pop3:// أو pop3s:// أو smtp:// أو smtps://
repl-tls-address_has_no_host = العنوان بلا مضيف
repl-tls-not_port_number = { $port } ليس رقم منفذ
repl-tls-ipv6_address_needs_closing = عنوان IPv6 يحتاج إلى ] الختامية
repl-tls-unexpected_after_address = { $after } غير متوقع بعد العنوان
repl-tls-tls = TLS مفعّل: { $version } مع { $cipher_suite }
repl-tls-certificate = الشهادة: { $subject }
repl-tls-none_shown = (لا شيء معروض)
repl-tls-issued = أصدرتها { $issuer }
repl-tls-valid_from_until = صالحة من { $not_before } حتى { $not_after }
repl-tls-verified_by_pinning = تم التحقق بالتثبيت (pinning): هي بالضبط الشهادة المعطاة بـ --ca-file، واسمها مطابق وتواريخها صالحة (لا تضمنها أي CA)
repl-tls-verified_chain_leads_trusted = تم التحقق: السلسلة تنتهي إلى جذر موثوق والاسم مطابق
repl-tls-not_verified_insecure_let = لم يتم التحقق ({ $describe })؛ سمح بها --insecure
repl-tls-not_verified_insecure_let_2 = لم يتم التحقق؛ سمح بها --insecure
repl-tls-everything_learnt_before_tls = كل ما عُرف قبل TLS يُنسى: ربما غيّره مهاجم. اطلب CAPABILITY من جديد (RFC 3501 §6.2.1)
repl-tls-smtp_session_starts_over = جلسة SMTP تبدأ من جديد: أرسل EHLO مرة أخرى قبل MAIL (RFC 3207 §4.2)
repl-tls-capabilities_seen_before_stls = الإمكانات التي ظهرت قبل STLS تُنسى: أرسل CAPA من جديد (RFC 2595 §4)
repl-tls-refused_connection_nothing_listens = رفض { $addr } الاتصال: لا شيء يستمع على هذا المنفذ
repl-tls-did_not_answer = لم يُجب { $addr }: { $error }
repl-tls-cannot_find_host_name = لا يمكن إيجاد مضيف { $addr }: الاسم لا يُترجم إلى عنوان (DNS)
repl-tls-cannot_connect = تعذّر الاتصال بـ { $addr }: { $error }

## src/transport/tls.rs

tls-reading_certificate_pem = قراءة ملف PEM للشهادة: { $error }
tls-no_certificate_found_pem = لم توجد أي شهادة في ملف PEM
tls-reading_key_pem = قراءة ملف PEM للمفتاح: { $error }
tls-certificate_key_do_not = الشهادة والمفتاح لا يتوافقان: { $error }
tls-not_pem_certificate_file = { $path }: ليس ملف شهادة PEM: { $error }
tls-no_certificate = { $path }: لا شهادة فيه
tls-certificate_has_expired = انتهت صلاحية الشهادة
tls-certificate_not_valid_yet = الشهادة غير صالحة بعد (تاريخ بدايتها في المستقبل)
tls-certificate_another_name_than = الشهادة لاسم غير الاسم الذي اتصلت به
tls-certificate_signed_ca_machine = الشهادة موقّعة من CA لا يثق بها هذا الجهاز
tls-certificate_self_signed_nobody = الشهادة موقّعة ذاتيًا: لا يضمنها أحد سوى الخادم نفسه
tls-certificate_was_rejected = رُفضت الشهادة: { $reason }
tls-if_trust_ca_signed = إن كنت تثق بالـ CA التي وقّعتها، فمرّر شهادة تلك الـ CA بـ --ca-file FILE؛ ويعمل --insecure أيضًا لكنه يقبل أي منتحل
tls-self_signed_certificate_vouches = الشهادة الموقّعة ذاتيًا لا تضمن إلا نفسها: احصل على هذه الشهادة بعينها من مدير النظام (وقارن بصمتها) ومرّرها بـ --ca-file FILE، فتُثبَّت؛ ويعمل --insecure أيضًا لكنه يقبل أي منتحل
tls-check_machine_clock_otherwise = تحقق من ساعة هذا الجهاز؛ وإلا فلا يتجاوز هذا إلا --insecure، وعندها قد يكون أي أحد هو من يجيب
tls-connect_using_name_certificate = اتصل باسم مذكور في الشهادة؛ وإلا فلا يتجاوز هذا إلا --insecure، وعندها قد يكون أي أحد هو من يجيب
tls-insecure_skips_check_risk = --insecure يتخطى الفحص، مع خطر أن تتحدث إلى منتحل
tls-no_trusted_roots_pass = لا جذور موثوقة: { $error }؛ مرّر --ca-file
tls-not_valid_server_name = { $host } ليس اسم خادم صالحًا
tls-server_sent_tls_alert = أرسل الخادم تنبيه TLS: { $alert }
tls-server_closed_connection_during = أغلق الخادم الاتصال أثناء مصافحة TLS (هل هذا المنفذ يستعمل TLS فعلًا؟)

## src/main.rs

main-loading_fixture = تحميل ملف البيانات التجريبية { $path }
main-unknown_language_use_en = لغة مجهولة { $lang }: استخدم en أو ar
main-fixture_problem = البيانات التجريبية: { $problem }
main-must_positive_number_seconds = يجب أن يكون { $what } عددًا موجبًا من الثواني
main-subcommands_are = الأوامر الفرعية هي: { $names } (يعرض maillab --help كلًّا منها)
transcript-literal_not_printed = { $size ->
        [one] بايت واحد
        [two] بايتان
        [few] { $size } بايتات
        [many] { $size } بايتًا
       *[other] { $size } بايت
    } لم يطبعها imaplib
main-config_bad_value = { $path }: { $value } ليست قيمة صالحة لـ { $key }
main-reading_file = قراءة { $path }
main-reading_stdin = قراءة الدخل القياسي
main-explain_needs_text = أعطِ النص المراد شرحه، أو - للدخل القياسي، أو --file FILE
main-unknown_protocol_use_imap = بروتوكول مجهول { $protocol }: استخدم imap أو smtp أو pop3
main-warning_listening_makes_lab = تحذير: الاستماع على { $bind } يجعل خادم المختبر متاحًا لأجهزة أخرى
main-only_unknown_listener = --only: مستمع مجهول { $name }

## src/repl/interactive.rs

repl-cannot_start_line_editor = تعذّر تشغيل محرر الأسطر: { $error }
repl-embedded_mock_server_offline = الخادم التجريبي المدمج (دون شبكة: لا شيء يغادر هذا الجهاز)
repl-help_lists_commands_tab = :help يعرض الأوامر · Tab يُكمل · Ctrl-D للخروج

## src/repl/mod.rs

repl-cannot_start_runtime = تعذّر تشغيل بيئة التنفيذ: { $error }
repl-no_explanation_known_line = لا شرح معروف لسطر { $protocol } هذا

## src/repl/render.rs

repl-more_octets_line_not = [... لم يُحفظ باقي هذا السطر: { $cut ->
        [one] بايت واحد
        [two] بايتان
        [few] { $cut } بايتات
        [many] { $cut } بايتًا
       *[other] { $cut } بايت
    }]
repl-more_shows_rest = :more يعرض الباقي
repl-not_kept_too_large = لم يُحفظ: كبير جدًا
repl-more_octets_elided = [... حُذف من العرض { $left ->
        [one] بايت واحد
        [two] بايتان
        [few] { $left } بايتات
        [many] { $left } بايتًا
       *[other] { $left } بايت
    } من أصل { $size }؛ { $what }]

## src/repl/script.rs

repl-input_line_was_longer = سطر في الدخل أطول من { $max_input_line ->
        [one] بايت واحد
        [two] بايتان
        [few] { $max_input_line } بايتات
        [many] { $max_input_line } بايتًا
       *[other] { $max_input_line } بايت
    }؛ أُسقط منه { $dropped ->
        [one] بايت واحد
        [two] بايتان
        [few] { $dropped } بايتات
        [many] { $dropped } بايتًا
       *[other] { $dropped } بايت
    }

## src/repl/state.rs

# The session state as the REPL prompt shows it, by State::text_id.
state-imap-not_authenticated = قبل المصادقة
state-imap-authenticated = بعد المصادقة
state-imap-selected = صندوق محدد { $mailbox }
state-imap-logout = الخروج
state-smtp-connected = متصل
state-smtp-greeted = بعد التحية
state-smtp-mail = داخل معاملة (MAIL)
state-smtp-rcpt = داخل معاملة (RCPT)
state-smtp-data = داخل DATA
state-smtp-closed = مغلق
state-pop3-authorization = التفويض
state-pop3-transaction = المعاملة
state-pop3-update = التحديث
repl-state-and_authenticated = { $state }، بعد المصادقة

## src/serve.rs

serve-cannot_listen = تعذّر الاستماع على { $addr } لـ { $name }: { $error }
serve-maillab_lab_server_one = خادم مختبر maillab: مخزن واحد في الذاكرة، ولا يُرسَل أي شيء إلى أي مكان
serve-ca_give_clients_verify = CA          { $path } (أعطها للعملاء ليتحققوا من الشهادة)
serve-ctrl_stops = Ctrl-C يوقفه.
serve-limit_expected = المتوقع NAME=VALUE
serve-limit_not_number = { $value } ليس عددًا صحيحًا
serve-limit_unknown = حد مجهول { $name }
serve-caps_expected_minus = { $cap }: المتوقع -NAME (إمكانية تُطفأ)
serve-faults_bad_line = ملف الأعطال، السطر { $line }: المتوقع [user=NAME] [from=IP] LISTENER COMMAND WHEN ACTION، والموجود: { $text }
serve-faults_unreadable = تعذّرت قراءة ملف الأعطال { $path }: { $error }
serve-busy = اتصالات كثيرة جدًا بخادم المختبر هذا (من عنوانك أو في المجموع)، أعد المحاولة لاحقًا

## src/server: the lab server's limits and timers (wire texts, ASCII)

server-idle_seconds = خامل مدة { $n ->
        [one] ثانية واحدة
        [two] ثانيتان
        [few] { $n } ثوانٍ
        [many] { $n } ثانية
       *[other] { $n } ثانية
    } دون أي أمر، يُغلق الاتصال
server-idle_minutes = خامل مدة { $n ->
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $n } دقائق
        [many] { $n } دقيقة
       *[other] { $n } دقيقة
    } دون أي أمر، يُغلق الاتصال
server-imap-prelogin_literal = قبل تسجيل الدخول لا يتجاوز النص الحرفي (literal) { $limit ->
        [one] بايت واحد
        [two] بايتان
        [few] { $limit } بايتات
        [many] { $limit } بايتًا
       *[other] { $limit } بايت
    }، وهذا أعلن { $size } (RFC 7888 LITERAL-)؛ سجّل الدخول أولًا
server-imap-literal_not_skipped = لا يمكن تخطي بايتات ذلك النص الحرفي غير المتزامن (non-synchronizing literal) بأمان، يُغلق الاتصال
server-imap-keyword_limit = في صندوق البريد هذا { $n ->
        [one] كلمة مفتاحية واحدة
        [two] كلمتان مفتاحيتان
        [few] { $n } كلمات مفتاحية
        [many] { $n } كلمة مفتاحية
       *[other] { $n } كلمة مفتاحية
    } بالفعل، والحد الأقصى { $max }؛ أعد استعمال إحداها (يعرضها FLAGS)
server-imap-mailbox_limit = لديك { $count ->
        [one] صندوق بريد واحد
        [two] صندوقا بريد
        [few] { $count } صناديق بريد
        [many] { $count } صندوق بريد
       *[other] { $count } صندوق بريد
    }، وهذا أقصى ما يسمح به هذا الخادم؛ احذف واحدًا أولًا بـ DELETE
server-imap-search_limit = هذا البحث يكلّف أكثر مما يسمح به الخادم لأمر واحد؛ استعمل معايير أقل أو أبسط، أو رسائل أقل بمدى UID
server-imap-append_trycreate = صندوق البريد "{ $name }" غير موجود: أنشئه أولًا بـ CREATE، ثم APPEND

## src/lab (the lab server's trace, transcripts and statistics)

lab-trace-opened = جلسة { $protocol } على { $listener } من { $peer }
lab-trace-logged_in = سجّل الدخول باسم { $user }
lab-trace-tls_starts = يبدأ TLS هنا: البايتات التالية على هذا الاتصال هي مصافحة TLS، ثم يُشفَّر كل شيء (RFC 8314)
lab-trace-tls_up = TLS يعمل: ما يلي ينتقل مشفَّرًا
lab-trace-refused_busy = رُفض: خادم المختبر يحمل أقصى عدد مسموح من الاتصالات (من هذا العنوان أو في المجموع)
lab-trace-failed_tls = فشلت مصافحة TLS أو انتهت مهلتها؛ قُطع الاتصال
lab-trace-data_elided = [{ $size ->
        [one] بايت واحد
        [two] بايتان
        [few] { $size } بايتات
        [many] { $size } بايتًا
       *[other] { $size } بايت
    } من بيانات الرسالة، غير معروضة في التتبع]
lab-trace-literal_sent = [{ $size ->
        [one] بايت واحد
        [two] بايتان
        [few] { $size } بايتات
        [many] { $size } بايتًا
       *[other] { $size } بايت
    } من بيانات النص الحرفي (literal)]
lab-trace-body_sent = [نص الرسالة: { $lines ->
        [one] سطر واحد
        [two] سطران
        [few] { $lines } أسطر
        [many] { $lines } سطرًا
       *[other] { $lines } سطر
    }، { $size ->
        [one] بايت واحد
        [two] بايتان
        [few] { $size } بايتات
        [many] { $size } بايتًا
       *[other] { $size } بايت
    }]
lab-trace-stats = { $commands ->
        [one] أمر واحد
        [two] أمران
        [few] { $commands } أوامر
        [many] { $commands } أمرًا
       *[other] { $commands } أمر
    }، { $trips ->
        [one] رحلة ذهاب وإياب واحدة
        [two] رحلتا ذهاب وإياب
        [few] { $trips } رحلات ذهاب وإياب
        [many] { $trips } رحلة ذهاب وإياب
       *[other] { $trips } رحلة ذهاب وإياب
    }؛ { $text_in ->
        [one] بايت واحد
        [two] بايتان
        [few] { $text_in } بايتات
        [many] { $text_in } بايتًا
       *[other] { $text_in } بايت
    } من العميل، و{ $text_out } إليه{ $wire }؛ { $ms } ms
lab-trace-stats_wire = {" "}(على الشبكة { $wire_in } و{ $wire_out })
lab-trace-closed = أُغلقت الجلسة
lab-trace-fault = حُقن عطل ({ $fault })
lab-trace-dropped = فُقد من التتبع { $n ->
        [one] سجل واحد
        [two] سجلان
        [few] { $n } سجلات
        [many] { $n } سجلًا
       *[other] { $n } سجل
    }: لم يستطع التتبع مجاراة الحركة
lab-ctl-auth_required = نقطة التحكم تطلب --token (رمز المدرّس) أو --login و--password (حساب بريدك)
lab-ctl-refused = رفضت نقطة التحكم الرمز أو بيانات الدخول
lab-ctl-unexpected = أجابت نقطة التحكم بشيء غير متوقع: { $reply }
lab-ctl-listening = التحكم      { $addr } (maillab ctl، maillab watch؛ رمز المدرّس { $token })
lab-watch-started = مراقبة جلسات خادم المختبر على { $server } (Ctrl-C يوقفها)
lab-stats-table_head = بروتوكول      جلسات     أوامر   ذهاب-وإياب  نص-وارد   نص-صادر خام-وارد  خام-صادر

## src/store/fixture.rs

fixture-cannot_create_mailbox = { $user }: تعذّر إنشاء صندوق البريد "{ $mailbox }"
fixture-empty_file_not_message = ملف فارغ، وليس رسالة
fixture-not_message_first_line = ليس رسالة: السطر الأول ليس حقلًا من حقول الرأس

## src/store/mod.rs

store-no_user = لا يوجد مستخدم "{ $user }"
store-disk_write_failed = تعذّر تسجيل تغيير في مجلد البيانات، يتوقف البرنامج: { $error }
main-loading_data = تحميل مجلد البيانات { $path }
store-mailbox_does_not_exist = صندوق البريد "{ $mailbox }" غير موجود
store-mailbox_already_exists = صندوق البريد "{ $mailbox }" موجود من قبل
store-mailbox_name_cannot_empty = اسم صندوق البريد لا يمكن أن يكون فارغًا
store-inbox_cannot_deleted = لا يمكن حذف INBOX
store-has_child_mailboxes_already = لـ "{ $name }" صناديق بريد فرعية وهو \Noselect من قبل
store-mailbox_cannot_renamed_into = لا يمكن إعادة تسمية صندوق البريد إلى نفسه

## src/transport/mod.rs

transport-no_answer_from_within = لا جواب من { $addr } خلال { $timeout }

## src/server/pop3.rs

server-pop3-line_too_long_pop3 = السطر طويل جدًا: سطر أمر POP3 لا يتجاوز 255 بايت مع CRLF (RFC 2449 §4)
server-pop3-line_contains_commands_printable = هذا السطر يحوي { $what }؛ الأوامر نص قابل للطباعة
server-pop3-line_not_valid_utf = هذا السطر ليس نص UTF-8 صالحًا
server-pop3-empty_line_type_command = سطر فارغ: اكتب أمرًا مثل USER alex، أو CAPA
server-pop3-still_here = ما زلت هنا
server-pop3-stls_only_allowed_before = STLS مسموح فقط قبل تسجيل الدخول (RFC 2595 §4)
server-pop3-already_logged_authorization_state = سجّلت الدخول بالفعل باسم { $user }: الأمر { $upper } خاص بحالة التفويض (AUTHORIZATION)
server-pop3-only_valid_after_login = الأمر { $upper } صالح فقط بعد تسجيل الدخول (حالة المعاملة TRANSACTION)؛ سجّل الدخول بـ USER وPASS أولًا
server-pop3-unknown_command_capa_lists = أمر مجهول "{ $shown }"؛ يعرض CAPA ما يفهمه هذا الخادم
server-pop3-auth_plain_text_login = [AUTH] تسجيل الدخول بنص عادي معطَّل حتى STLS: كانت كلمة المرور ستعبر الشبكة بدون تشفير
server-pop3-now_send_pass_password = { $args }: أرسل الآن PASS مع كلمة المرور
server-pop3-already_logged_pass_authorization = سجّلت الدخول بالفعل باسم { $user }: الأمر PASS خاص بحالة التفويض (AUTHORIZATION)
server-pop3-pass_must_follow_user = يجب أن يأتي PASS بعد USER مع الاسم (RFC 1939 §7)
server-pop3-auth_invalid_user_name = [AUTH] اسم المستخدم أو كلمة المرور غير صالحة؛ ابدأ من جديد بـ USER
server-pop3-apop_digest_must_hexadecimal = ملخّص APOP يجب أن يكون 32 رقمًا ست عشريًا: MD5 لـ <timestamp> في التحية متبوعًا بكلمة المرور (RFC 1939 §7)
server-pop3-auth_apop_digest_does = [AUTH] ملخّص APOP غير مطابق: هو MD5(<timestamp من التحية> + كلمة المرور)
server-pop3-syntax_capa_lists_mechanisms = الصيغة: { $auth }؛ يذكر CAPA الآليات في سطر SASL
server-pop3-unrecognized_authentication_mechanism_server = آلية مصادقة غير معروفة { $shown }؛ هذا الخادم يقدم PLAIN LOGIN CRAM-MD5
server-pop3-authentication_cancelled_client = ألغى العميل المصادقة ("*")
server-pop3-cannot_decode_response_must = تعذّر فك ترميز الجواب: يجب أن يكون بترميز base64 (RFC 5034 §4)
server-pop3-auth_authentication_failed_wrong = [AUTH] فشلت المصادقة: اسم المستخدم أو كلمة المرور خاطئة
server-pop3-use_maildrop_locked_another = [IN-USE] صندوق بريد { $user } محجوز لجلسة POP3 أخرى؛ يُحرَّر حين تنفّذ تلك الجلسة QUIT أو تنقطع (RFC 1939 §8)
server-pop3-sys_perm_has_no = [SYS/PERM] ليس لـ { $user } صندوق INBOX لتقديمه
server-pop3-tls_already_active_connection = TLS مفعّل بالفعل على هذا الاتصال
server-pop3-stls_not_available_server = STLS غير متاح: ليس لهذا الخادم شهادة، لذا لا يعرض CAPA الأمر STLS
server-pop3-maillab_pop3_server_signing = خادم POP3 في maillab ينهي الجلسة
server-pop3-maillab_pop3_server_signing_2 = خادم POP3 في maillab ينهي الجلسة (المحذوف: { $message }، ومحذوف من قبل في جلسة أخرى: { $gone }، والباقي: { $left })
server-pop3-maillab_pop3_server_signing_3 = خادم POP3 في maillab ينهي الجلسة (المحذوف: { $message }، والباقي: { $left })
server-pop3-not_logged = لم تسجّل الدخول
server-pop3-not_message_number_messages = "{ $shown }" ليس رقم رسالة: الرسائل مرقّمة بدءًا من 1
server-pop3-no_message_maildrop_listed = لا توجد الرسالة { $n }: قائمة صندوق البريد عند تسجيل الدخول ضمّت { $len ->
        [zero] لا رسائل
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $len } رسائل
        [many] { $len } رسالة
       *[other] { $len } رسالة
    }
server-pop3-message_marked_deleted_rset = على الرسالة { $n } علامة الحذف؛ RSET يزيل العلامة
server-pop3-unique_id_listing_follows = تتبع قائمة الرموز الفريدة
server-pop3-message_was_expunged_another = حذفت جلسة أخرى (IMAP) الرسالة { $number } نهائيًا بعد تسجيل الدخول هذا إلى POP3؛ تبقى القائمة ثابتة حتى تسجّل الدخول من جديد (RFC 1939 §5)
server-pop3-top_needs_number_body = يحتاج TOP إلى عدد أسطر نص الرسالة (0 أو أكثر) بعد رقم الرسالة
server-pop3-message_marked_deleted_removed = وُضعت على الرسالة { $number } علامة الحذف؛ تُحذف عند QUIT (وRSET يزيل العلامة)
server-pop3-deletion_marks_cleared_maildrop = أُزيلت علامات الحذف؛ في صندوق البريد { $message } ({ $size ->
        [one] بايت واحد
        [two] بايتان
        [few] { $size } بايتات
        [many] { $size } بايتًا
       *[other] { $size } بايت
    })
server-pop3-autologout_idle_too_long = خروج تلقائي: خمول طويل جدًا، يُغلق الاتصال؛ الرسائل التي عليها علامة الحذف بـ DELE لم تُحذف

## src/server/smtp/lines.rs

server-smtp-control_character = محرف التحكم 0x{ $other }

## src/server/smtp/mod.rs

server-smtp-authentication_exchange_line_too = سطر تبادل المصادقة طويل جدًا (RFC 4954 §4: لا يتجاوز 12288 بايت)
server-smtp-line_too_long_command = السطر طويل جدًا: سطر الأمر لا يتجاوز 512 بايت مع CRLF (RFC 5321 §4.5.3.1.4)
server-smtp-line_contains_commands_printable = هذا السطر يحوي { $what }؛ الأوامر نص قابل للطباعة
server-smtp-line_not_valid_utf = هذا السطر ليس نص UTF-8 صالحًا
server-smtp-empty_line_type_command = سطر فارغ: اكتب أمرًا مثل EHLO maillab.test، أو HELP
server-smtp-reset_mail_transaction_cleared = إعادة ضبط: أُلغيت معاملة البريد
server-smtp-ok_nothing_done = تم، لم يُفعل شيء
server-smtp-cannot_vrfy_but_mail = لا يمكن التحقق بـ VRFY من { $args }، لكن سيُحاوَل إيصال البريد إليه: RCPT TO يعطي الجواب الحقيقي (RFC 5321 §3.5.3)
server-smtp-expn_disabled_here_mailing = EXPN معطَّل هنا: أعضاء القوائم البريدية يبقون سرًّا (RFC 5321 §3.5.2، §7.3)
server-smtp-closing_connection_goodbye = { $hostname } يغلق الاتصال، وداعًا
server-smtp-command_not_recognised_help = الأمر "{ $shown }" غير معروف؛ HELP يعرض الأوامر
server-smtp-note_line_ended_bare = (ملاحظة: انتهى سطرك بـ LF وحدها؛ يريد SMTP الزوج CRLF، RFC 5321 §2.3.8؛ مع netcat استخدم nc -C)
server-smtp-say_ehlo_helo_first = ابدأ بـ EHLO (أو HELO): الأمر MAIL يحتاج إلى جلسة بعد التحية (RFC 5321 §4.1.4)
server-smtp-nested_mail_transaction_already = MAIL متداخل: هناك معاملة مفتوحة بالفعل؛ أنهها بـ DATA أو ألغها بـ RSET
server-smtp-authentication_required_submission_port = المصادقة مطلوبة: هذا منفذ الإرسال submission (RFC 6409 §4.3)؛ نفّذ AUTH أولًا
server-smtp-message_size_exceeds_fixed = حجم الرسالة { $n } يتجاوز الحد الأقصى الثابت { $max_message ->
        [one] بايت واحد
        [two] بايتان
        [few] { $max_message } بايتات
        [many] { $max_message } بايتًا
       *[other] { $max_message } بايت
    } (RFC 1870)
server-smtp-size_needs_number_octets = يحتاج SIZE= إلى عدد من البايتات، مثل SIZE=10240 (RFC 1870)
server-smtp-body_binarymime_needs_binarymime = BODY=BINARYMIME يحتاج إلى الامتداد BINARYMIME، وهذا الخادم لا يقدمه
server-smtp-mail_from_parameter_not = المعامل { $shown } في MAIL FROM غير مدعوم هنا (EHLO يعرض الامتدادات)
server-smtp-sender_ok_null_reverse = المرسل <> مقبول (مسار العودة الفارغ، تستعمله رسائل الارتداد)
server-smtp-syntax_angle_brackets_required = الصيغة: { $name } (الأقواس الزاوية مطلوبة، RFC 5321 §4.1.2)
server-smtp-bad_address_syntax = صيغة العنوان خاطئة: { $why }
server-smtp-rcpt_first_needs_mail = يحتاج RCPT أولًا إلى MAIL FROM:<address>
server-smtp-rcpt_parameter_not_supported = المعامل { $shown } في RCPT TO غير مدعوم هنا (لا يوجد امتداد DSN)
server-smtp-rcpt_not_allowed_recipient = RCPT TO:<> غير مسموح: المستلم يحتاج إلى عنوان
server-smtp-too_many_recipients_most = عدد المستلمين كبير جدًا: الحد الأقصى { $max_recipients } لكل رسالة
server-smtp-no_such_user_here = <{ $address }>: لا يوجد هذا المستخدم هنا (من المستخدمين المحليين { $join })
server-smtp-recipient_ok_delivers_inbox = المستلم <{ $address }> مقبول: تُسلَّم الرسالة إلى INBOX الخاص بـ { $user }
server-smtp-recipient_ok_another_domain = المستلم <{ $address }> مقبول: نطاق آخر، فتُحفظ الرسالة في مخزن البريد المُمرَّر ولا تُرسَل إلى أي مكان
server-smtp-needs_mail_from_address = يحتاج { $verb } أولًا إلى MAIL FROM:<address> وRCPT TO واحد مقبول على الأقل
server-smtp-needs_least_one_accepted = يحتاج { $verb } أولًا إلى RCPT TO:<address> واحد مقبول على الأقل (لا مستلمين صالحين بعد)
server-smtp-data_cannot_follow_bdat = لا يمكن أن يأتي DATA بعد BDAT في المعاملة نفسها (RFC 3030 §2)؛ أنهها بـ BDAT n LAST أو RSET
server-smtp-message_too_big_octets = الرسالة كبيرة جدًا: { $size ->
        [one] بايت واحد
        [two] بايتان
        [few] { $size } بايتات
        [many] { $size } بايتًا
       *[other] { $size } بايت
    } تتجاوز الحد الأقصى الثابت { $max_message } (RFC 1870)؛ لم يُخزَّن شيء
server-smtp-line_message_longer_than = السطر { $line } من الرسالة أطول من { $max_text_line ->
        [one] بايت واحد
        [two] بايتان
        [few] { $max_text_line } بايتات
        [many] { $max_text_line } بايتًا
       *[other] { $max_text_line } بايت
    } (RFC 5321 §4.5.3.1.6)؛ استعمل quoted-printable أو base64 للأسطر الطويلة. لم يُخزَّن شيء
server-smtp-message_too_big_over = الرسالة كبيرة جدًا: تتجاوز الحد الأقصى الثابت { $max ->
        [one] بايت واحد
        [two] بايتان
        [few] { $max } بايتات
        [many] { $max } بايتًا
       *[other] { $max } بايت
    } (RFC 1870)؛ أُلغيت المعاملة، ولم يُخزَّن شيء
server-smtp-octets_received_so_far = وصل حتى الآن { $size ->
        [one] بايت واحد
        [two] بايتان
        [few] { $size } بايتات
        [many] { $size } بايتًا
       *[other] { $size } بايت
    }؛ أرسل المزيد بـ BDAT، والجزء الأخير بـ BDAT n LAST
server-smtp-local_delivery_failed_nothing = فشل التسليم المحلي ({ $error })؛ لم يُخزَّن شيء، أعد المحاولة
server-smtp-delivered = سُلّمت إلى { $join }
server-smtp-kept_relayed_sink = حُفظت لـ { $len ->
        [one] مستلم واحد
        [two] مستلمان
        [few] { $len } مستلمين
        [many] { $len } مستلمًا
       *[other] { $len } مستلم
    } في مخزن البريد المُمرَّر
server-smtp-ok_queued = تم: وُضعت في الطابور برقم { $id }.{ $messages }؛ { $join }
server-smtp-help_command_explains_one = HELP <command> يشرح أمرًا واحدًا (RFC 5321)
server-smtp-no_help_help_alone = لا مساعدة عن "{ $shown }": HELP وحده يعرض الأوامر
server-smtp-already_authenticated_auth_may = تمت المصادقة بالفعل: يُستعمل AUTH مرة واحدة في كل جلسة (RFC 4954 §4)
server-smtp-auth_not_allowed_during = AUTH غير مسموح أثناء معاملة بريد؛ نفّذ RSET أولًا (RFC 4954 §4)
server-smtp-encryption_required_issue_starttls = التشفير مطلوب: نفّذ STARTTLS قبل AUTH كي لا تُرسَل كلمة المرور بدون تشفير (RFC 4954 §6)
server-smtp-unrecognized_authentication_type_server = نوع مصادقة غير معروف { $shown }؛ هذا الخادم يقدم PLAIN LOGIN CRAM-MD5
server-smtp-authentication_cancelled_client = ألغى العميل المصادقة ("*")
server-smtp-cannot_decode_response_must = تعذّر فك ترميز الجواب: يجب أن يكون بترميز base64 (RFC 4954 §4)
server-smtp-authentication_successful = نجحت المصادقة: أنت { $user }
server-smtp-authentication_credentials_invalid_wrong = بيانات المصادقة غير صالحة: اسم المستخدم أو كلمة المرور خاطئة
server-smtp-tls_already_active_connection = TLS مفعّل بالفعل على هذا الاتصال
server-smtp-tls_not_available_server = TLS غير متاح: ليس لهذا الخادم شهادة، لذا لا يُعرض STARTTLS في EHLO
server-smtp-say_ehlo_first_then = ابدأ بـ EHLO، ثم STARTTLS (RFC 3207 §4)
server-smtp-ready_start_tls = جاهز لبدء TLS

## src/server/smtp/parse.rs

server-smtp-not_parameter_parameters_look = "{ $parameter }" ليس وسيطًا: الوسائط تُكتب بالشكل KEYWORD أو KEYWORD=value
server-smtp-too_many_parameters = وسائط أكثر من اللازم
server-smtp-non_ascii_addresses_need = العناوين التي فيها أحرف غير ASCII تحتاج الوسيط SMTPUTF8 في MAIL FROM (RFC 6531)
server-smtp-address_most_octets_rfc = لا يزيد طول العنوان على 254 بايتًا (RFC 5321 §4.5.3.1.3)
server-smtp-address_needs_local_part = العنوان يحتاج جزءًا محليًا ثم "@" ثم نطاقًا، مثل alex@maillab.test
server-smtp-local_part_before_empty = الجزء المحلي قبل "@" فارغ
server-smtp-local_part_most_octets = لا يزيد طول الجزء المحلي على 64 بايتًا (RFC 5321 §4.5.3.1.1)
server-smtp-quoted_local_part_must = الجزء المحلي الذي يبدأ بعلامة اقتباس يجب أن ينتهي بعلامة اقتباس
server-smtp-local_part_has_character = في الجزء المحلي حرف يجب وضعه بين علامتي اقتباس، أو نقطة في غير مكانها
server-smtp-domain_after_empty = النطاق بعد "@" فارغ
server-smtp-address_literal_must_end = العنوان الحرفي (address literal) يجب أن ينتهي بـ "]"، مثل [127.0.0.1]
server-smtp-domain_must_dot_separated = النطاق مقاطع تفصل بينها نقاط، وفي كل مقطع أحرف وأرقام وشرطات فقط

## src/server/pop3.rs

server-pop3-too_many_bad_commands = أوامر خاطئة كثيرة ({ $max_errors })، سيُغلق الاتصال
server-pop3-octets_follow = بايت تتبع
server-pop3-header_first_body_lines = يتبع رأس الرسالة { $lines ->
        [zero] وحده، بلا أي سطر من نصها
        [one] وأول سطر من نصها
        [two] وأول سطرين من نصها
        [few] وأول { $lines } أسطر من نصها
        [many] وأول { $lines } سطرًا من نصها
       *[other] وأول { $lines } سطر من نصها
    }
server-pop3-maillab_mock_pop3_server = خادم POP3 التجريبي من maillab جاهز { $ts }

## src/server/smtp/mod.rs

server-smtp-too_many_errors_session = أخطاء كثيرة في هذه الجلسة ({ $max_errors })، سيُغلق الاتصال
server-smtp-note_line_ended_bare_2 = ملاحظة: انتهى ذلك السطر بـ LF وحده، وأسطر SMTP تنتهي بـ CRLF (RFC 5321 §2.3.8). يُقبل هذا في الأوامر؛ ومع netcat استعمل nc -C
server-smtp-esmtp_maillab_mock_server = ESMTP خادم maillab التجريبي جاهز؛ البريد يبقى على هذا الجهاز
server-smtp-error_timeout_exceeded_closing = خطأ: انتهت المهلة، سيُغلق الاتصال (لم يُخزَّن شيء أُرسل نصفه)

## src/protocol/sasl.rs

sasl-response_not_valid_base64 = الرد ليس base64 صالحًا
sasl-client_cancelled_exchange = ألغى العميل التبادل بـ "*"
sasl-not_valid_utf = قيمة { $what } ليست نصًا صالحًا بترميز UTF-8
sasl-plain_needs_exactly_three = PLAIN يحتاج ثلاثة أجزاء بالضبط: authzid NUL user NUL password
sasl-plain_user_name_empty = اسم المستخدم في PLAIN فارغ
sasl-authorization_identity = هوية التفويض
sasl-user_name = اسم المستخدم
sasl-cram_md5_response_must = رد CRAM-MD5 يجب أن يكون "user digest" (RFC 2195 §2)
sasl-cram_md5_user_name = اسم المستخدم في CRAM-MD5 فارغ
sasl-cram_md5_digest_must = الملخص في CRAM-MD5 يجب أن يكون 32 رقمًا ست عشريًا (HMAC-MD5، RFC 2195 §2)
sasl-cram_md5_takes_no = CRAM-MD5 لا يقبل ردًا أوليًا: على الخادم أن يرسل التحدي أولًا
sasl-login_user_name_empty = اسم المستخدم في LOGIN فارغ
sasl-exchange_already_over = انتهى التبادل بالفعل

## src/server/imap/checks.rs

server-imap-mailbox_name_not_valid = اسم صندوق البريد ليس UTF-8 صالحًا، وأسماء صناديق البريد في IMAP تُكتب بترميز UTF-7 المعدَّل ذي 7 بتات (RFC 3501 §5.1.3)
server-imap-mailbox_names_travel_bit = أسماء صناديق البريد تُنقل بترميز UTF-7 المعدَّل ذي 7 بتات (RFC 3501 §5.1.3)، لا بـ UTF-8 مباشرة: اكتب "{ $s }" هكذا "{ $s2 }"
server-imap-cannot_not_valid_modified = [CANNOT] "{ $s }" ليس UTF-7 معدَّلًا صالحًا (RFC 3501 §5.1.3): { $error }؛ والحرف '&' نفسه يُكتب "&-"
server-imap-not_system_flag_use = { $flag } ليست علامة نظام: استعمل \Seen أو \Answered أو \Flagged أو \Deleted أو \Draft، أو كلمة مفتاحية بلا '\'

## src/server/imap/fetch.rs

server-imap-list_items_has_no = قائمة العناصر بلا ')' تغلقها
server-imap-list_items_empty = قائمة العناصر فارغة
server-imap-data_item = عنصر البيانات
server-imap-data_item_name_missing = ينقص اسم عنصر بيانات
server-imap-not_fetch_data_item = "{ $word }" ليس عنصر بيانات لـ FETCH (جرّب FLAGS أو UID أو ENVELOPE أو RFC822.SIZE أو BODY[] أو BODY.PEEK[HEADER] أو BODYSTRUCTURE)
server-imap-section_part_number = رقم الجزء في القسم
server-imap-section_part_numbers_start = أرقام الأجزاء في القسم تبدأ من 1
server-imap-after_part_number_must = النقطة '.' بعد رقم الجزء يتبعها HEADER أو TEXT أو MIME أو رقم آخر
server-imap-list_header_field_names = قائمة أسماء حقول الرأس
server-imap-before_header_field_names = '(' قبل أسماء حقول الرأس
server-imap-header_field_list_has = قائمة حقول الرأس بلا ')' تغلقها
server-imap-header_field_name = اسم حقل الرأس
server-imap-header_fields_needs_least = HEADER.FIELDS يحتاج اسم حقل واحدًا على الأقل
server-imap-not_section_use_header = "{ $spec }" ليس قسمًا: استعمل [] أو [HEADER] أو [TEXT] أو [1] أو [1.MIME] أو [HEADER.FIELDS (From)]
server-imap-closing_section = ']' التي تغلق القسم
server-imap-partial_start = بداية المقطع الجزئي
server-imap-between_partial_start_length = '.' بين بداية المقطع الجزئي وطوله، مثل <0.100>
server-imap-partial_length = طول المقطع الجزئي
server-imap-partial_length_must_least = يجب أن يكون طول المقطع الجزئي 1 على الأقل
server-imap-closing_partial_range = '>' التي تغلق مدى المقطع الجزئي

## src/server/imap/mailbox.rs

server-imap-cannot_mailbox_name_cannot = [CANNOT] لا يمكن أن يكون اسم صندوق البريد فارغًا
server-imap-cannot_list_wildcards_cannot = [CANNOT] "{ $name }": '*' و'%' رمزا بدل في LIST، ولا يكونان جزءًا من اسم صندوق بريد
server-imap-cannot_every_level_hierarchy = [CANNOT] "{ $name }": كل مستوى في الهرم يحتاج اسمًا (لا أجزاء فارغة بين '/')
server-imap-cannot_mailbox_name_too = [CANNOT] اسم صندوق البريد طويل جدًا (أكثر من 512 بايتًا)
server-imap-nonexistent_mailbox_does_not = [NONEXISTENT] صندوق البريد "{ $mailbox }" غير موجود
server-imap-alreadyexists_mailbox_already_exists = [ALREADYEXISTS] صندوق البريد "{ $mailbox }" موجود بالفعل
server-imap-user_no_longer_exists = المستخدم "{ $user }" لم يعد موجودًا
server-imap-new_mailbox_name = اسم صندوق البريد الجديد
server-imap-mailbox_name = اسم صندوق البريد
server-imap-alreadyexists_inbox_always_exists = [ALREADYEXISTS] INBOX موجود دائمًا
server-imap-mailbox_name_2 = اسم صندوق البريد
server-imap-existing_mailbox_name = اسم صندوق البريد الموجود
server-imap-existing_mailbox_name_2 = اسم صندوق البريد الموجود
server-imap-new_mailbox_name_2 = الاسم الجديد لصندوق البريد
server-imap-new_mailbox_name_3 = الاسم الجديد لصندوق البريد
server-imap-nonexistent_mailbox_does_not_2 = [NONEXISTENT] صندوق البريد "{ $name }" غير موجود، فلا يمكن الاشتراك فيه
server-imap-reference_name_often = الاسم المرجعي (غالبًا "")
server-imap-reference_name = الاسم المرجعي
server-imap-mailbox_pattern_like = نمط صناديق البريد، مثل "*" أو "%"
server-imap-reference_pattern_together_too = الاسم المرجعي والنمط معًا أطول من اللازم (أكثر من 1024 بايتًا)
server-imap-mailbox_patterns_travel_bit = أنماط صناديق البريد تُنقل بترميز UTF-7 المعدَّل ذي 7 بتات (RFC 3501 §5.1.3): اكتب "{ $p }" هكذا "{ $p2 }"
server-imap-pattern_not_valid_utf = النمط ليس UTF-8 صالحًا ولا UTF-7 معدَّلًا
server-imap-list_items_like_messages = قائمة العناصر، مثل (MESSAGES UNSEEN)
server-imap-starting_list_status_items = '(' التي تبدأ قائمة عناصر STATUS
server-imap-status_item = عنصر STATUS
server-imap-not_status_item_use = "{ $it }" ليس عنصرًا لـ STATUS: استعمل MESSAGES أو RECENT أو UIDNEXT أو UIDVALIDITY أو UNSEEN
server-imap-list_status_items_empty = قائمة عناصر STATUS فارغة
server-imap-nonexistent_mailbox_does_not_3 = [NONEXISTENT] صندوق البريد "{ $name }" غير موجود
server-imap-cannot_noselect_hierarchy_level = [CANNOT] "{ $name }" مستوى هرمي \Noselect لا رسائل فيه
server-imap-trycreate_mailbox_does_not = [TRYCREATE] صندوق البريد "{ $name }" غير موجود: أنشئه أولًا بـ CREATE

## src/server/imap/messages.rs

server-imap-no_mailbox_selected = لا يوجد صندوق بريد محدد
server-imap-read_only_mailbox_was = [READ-ONLY] فُتح صندوق البريد بـ EXAMINE، فلا يمكن حذف شيء منه نهائيًا
server-imap-expunge_completed = اكتمل EXPUNGE، { $count ->
        [zero] لا رسالة عليها \Deleted
        [one] حُذفت رسالة واحدة
        [two] حُذفت رسالتان
        [few] حُذفت { $count } رسائل
        [many] حُذفت { $count } رسالة
       *[other] حُذفت { $count } رسالة
    }
server-imap-search_criteria_like_all = معايير البحث، مثل ALL أو UNSEEN
server-imap-badcharset_utf_us_ascii = [BADCHARSET (UTF-8 US-ASCII)] مجموعة المحارف { $cs } غير مدعومة؛ استعمل UTF-8
server-imap-message_set_like = مجموعة الرسائل، مثل 1:* أو 2,4
server-imap-message_set = مجموعة الرسائل
server-imap-data_items_like_flags = عناصر البيانات، مثل (FLAGS) أو BODY[]
server-imap-message_set_2 = مجموعة الرسائل
server-imap-must_flags_flags_flags = "{ $what }" يجب أن يكون FLAGS أو +FLAGS أو -FLAGS (ويمكن إضافة .SILENT)
server-imap-flags_like_seen = العلامات، مثل (\Seen)
server-imap-read_only_mailbox_was_2 = [READ-ONLY] فُتح صندوق البريد بـ EXAMINE، فلا يمكن تغيير العلامات
server-imap-destination_mailbox = صندوق البريد الهدف
server-imap-destination_mailbox_2 = صندوق البريد الهدف
server-imap-read_only_mailbox_was_3 = [READ-ONLY] فُتح صندوق البريد بـ EXAMINE، فلا يمكن نقل رسائل منه
server-imap-trycreate_mailbox_does_not_2 = [TRYCREATE] صندوق البريد "{ $dest }" غير موجود: أنشئه أولًا بـ CREATE

## src/server/imap/mod.rs

server-imap-line_longer_than_kib = السطر أطول من { $max_line } KiB؛ أرسل البيانات الطويلة نصًا حرفيًا (literal) {"{"}n{"}"}
server-imap-literal_size_not_valid = حجم النص الحرفي {"{"}{ $size }{"}"} ليس رقمًا صالحًا من 32 بت (RFC 3501 §9: الرقم < 4294967296)
server-imap-toobig_literal_octets_over = [TOOBIG] حجم هذا النص الحرفي { $size ->
        [one] بايت واحد
        [two] بايتان
        [few] { $size } بايتات
        [many] { $size } بايتًا
       *[other] { $size } بايت
    }، وهذا فوق حد هذا الخادم: { $max_literal ->
        [one] بايت واحد
        [two] بايتان
        [few] { $max_literal } بايتات
        [many] { $max_literal } بايتًا
       *[other] { $max_literal } بايت
    } (RFC 7889)
server-imap-capability_maillab_mock_imap = [CAPABILITY { $caps }] خادم IMAP التجريبي من maillab جاهز
server-imap-idle_minutes_without_command = مرّت { $as_secs ->
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $as_secs } دقائق
        [many] { $as_secs } دقيقة
       *[other] { $as_secs } دقيقة
    } بلا أي أمر، سيُغلق الاتصال

## src/server/imap/mutf7.rs

server-imap-only_printable_bit_characters = لا يُسمح إلا بالمحارف القابلة للطباعة ذات 7 بتات
server-imap-shift_never_closed = إزاحة بدأت بـ '&' لم تُغلق بـ '-'
server-imap-shifted_run_holds_character = في مقطع مُزاح حرف من خارج base64
server-imap-shifted_run_has_leftover = في مقطع مُزاح بتات زائدة
server-imap-shifted_run_not_valid = مقطع مُزاح ليس UTF-16 صالحًا
server-imap-printable_ascii_must_not = محارف ASCII القابلة للطباعة لا تُزاح

## src/server/imap/parser.rs

server-imap-missing = ينقص { $what }
server-imap-unexpected_extra_text = نص زائد غير متوقع "{ $rest }"
server-imap-not_valid_text = { $what }: ليس نصًا صالحًا
server-imap-must_quoted_string_literal = { $what }: يجب أن يكون سلسلة بين علامتي اقتباس أو نصًا حرفيًا (literal)
server-imap-quoted_string_has_no = { $what }: السلسلة المقتبسة بلا '"' تغلقها
server-imap-inside_quotes_backslash_may = { $what }: داخل علامتي الاقتباس لا تأتي الشرطة المائلة العكسية إلا قبل '"' أو '\'
server-imap-literal_needs_size_like = { $what }: النص الحرفي يحتاج حجمًا، مثل {"{"}5{"}"}
server-imap-closing_literal_size = '{"}"}' التي تغلق حجم النص الحرفي
server-imap-literal_size_must_end = { $what }: حجم النص الحرفي يجب أن يكون آخر ما في السطر
server-imap-literal_shorter_than_announced = { $what }: النص الحرفي أقصر مما أُعلن
server-imap-must_number = { $what }: يجب أن يكون رقمًا
server-imap-too_large_bit_number = { $what }: أكبر من أن يكون رقمًا من 32 بت
server-imap-must_look_like_numbers = { $what }: يجب أن يكون مثل 1:4,7,9:* (أرقام، ومدى بـ ':'، وقوائم بـ ',')
server-imap-message_numbers_start_not = { $what }: أرقام الرسائل تبدأ من 1، والرقم 0 غير صالح
server-imap-flag_name = اسم العلامة
server-imap-flag_list_has_no = قائمة العلامات بلا ')' تغلقها
server-imap-flags_must_parentheses_like = العلامات تُكتب بين قوسين، مثل (\Seen \Flagged)
server-imap-closing_date = '"' التي تغلق التاريخ
server-imap-must_date_like_feb = { $what }: يجب أن يكون تاريخًا مثل 1-Feb-1994 (يوم-شهر-سنة، والشهر بالإنجليزية)
server-imap-not_date_time_like = "{ $text }" ليس تاريخًا ووقتًا مثل "17-Jul-1996 02:44:25 -0700"

## src/server/imap/search.rs

server-imap-search_key = مفتاح البحث
server-imap-charset_name_after_charset = اسم مجموعة المحارف بعد CHARSET
server-imap-charset_name = اسم مجموعة المحارف
server-imap-search_key_after_charset = مفتاح بحث بعد مجموعة المحارف
server-imap-search_criteria_nested_too = معايير البحث متداخلة بعمق زائد
server-imap-search_criteria_has_no = '(' في معايير البحث بلا ')' تقابلها
server-imap-empty_parentheses_not_search = القوسان الفارغان ليسا مفتاح بحث
server-imap-keyword = الكلمة المفتاحية
server-imap-string_look = النص المبحوث عنه في { $word }
server-imap-header_field_name_after = اسم حقل الرأس بعد HEADER
server-imap-string_look_after_header = النص المبحوث عنه بعد HEADER field-name
server-imap-string_look_after_body = النص المبحوث عنه بعد BODY
server-imap-string_look_after_text = النص المبحوث عنه بعد TEXT
server-imap-size_after = الحجم بعد { $word }
server-imap-uid_set_after_uid = مجموعة UID بعد UID
server-imap-search_key_after_not = مفتاح بحث بعد NOT
server-imap-two_search_keys_after = مفتاحا بحث بعد OR
server-imap-second_search_key = مفتاح البحث الثاني لـ OR
server-imap-not_search_key_rfc = "{ $word }" ليس مفتاح بحث (في RFC 3501 §6.4.4 المفاتيح ALL، SEEN، UNSEEN، FROM، SUBJECT، TEXT، SINCE، UID، OR، NOT …)

## src/server/imap/session.rs

server-imap-unknown_command = أمر مجهول { $full }
server-imap-privacyrequired_login_disabled_until = [PRIVACYREQUIRED] الأمر LOGIN معطَّل حتى يُشفَّر الاتصال: نفّذ STARTTLS أولًا
server-imap-permanentflags_flags_permitted_new = [PERMANENTFLAGS ({ $list } \*)] العلامات المسموح بها، والكلمات المفتاحية الجديدة أيضًا
server-imap-mailbox_empty_so_no = صندوق البريد فارغ، فلا يوجد رقم رسالة صالح بعد
server-imap-there_no_message_mailbox = لا توجد رسالة رقمها { $number }: في صندوق البريد هذا { $count ->
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $count } رسائل
        [many] { $count } رسالة
       *[other] { $count } رسالة
    } (الأرقام من 1 إلى { $count })
server-imap-every_command_starts_tag = كل أمر يبدأ بمعرف تختاره، ثم مسافة، ثم الأمر، مثل: a1 CAPABILITY
server-imap-tag_missing_type_tag = المعرف ناقص: اكتب معرفًا أولًا، مثل: a1 { $tag }
server-imap-has_no_command_after = لا أمر بعد "{ $tag }": اكتب معرفًا ثم مسافة ثم الأمر، مثل: a1 NOOP
server-imap-command_contains_nul_byte = في الأمر بايت NUL، وهذا لا يسمح به IMAP أبدًا خارج النص الحرفي
server-imap-command_name_missing_after = اسم الأمر ناقص بعد المعرف
server-imap-command_after_uid = الأمر بعد UID
server-imap-uid_needs_command_after = UID يحتاج أمرًا بعده: UID FETCH أو UID SEARCH أو UID STORE أو UID COPY أو UID MOVE أو UID EXPUNGE
server-imap-looks_like_tag_missing = (يبدو أن المعرف ناقص: اكتب a1 { $tag } ...)
server-imap-not_imap_command_server = "{ $full }" ليس أمر IMAP يعرفه هذا الخادم{ $hint }؛ CAPABILITY يسرد الامتدادات
server-imap-check_completed_store_memory = اكتمل CHECK (المخزن في الذاكرة، فلا شيء يُكتب على القرص)
server-imap-imap4rev1_server_logging_out = خادم IMAP4rev1 ينهي الجلسة
server-imap-capability_enable = الإمكانية المطلوب تفعيلها
server-imap-capability_name = اسم الإمكانية
server-imap-enable_completed_nothing_here = اكتمل ENABLE (لا شيء هنا يحتاج تفعيلًا)
server-imap-completed_no_mailbox_selected = اكتمل { $name }، ولا يوجد الآن صندوق بريد محدد
server-imap-not_implemented = { $name } غير منفَّذ
server-imap-parameter_list_nil = قائمة الوسائط (أو NIL)
server-imap-list_has_no_closing = القائمة بلا ')' تغلقها
server-imap-field_name = اسم الحقل
server-imap-field_value = قيمة الحقل
server-imap-field_value_2 = قيمة الحقل
server-imap-value_quoted_string_nil = القيمة سلسلة بين علامتي اقتباس أو NIL
server-imap-id_allows_most_field = يسمح ID بـ 30 زوجًا على الأكثر من الحقول وقيمها (RFC 2971 §3.3)
server-imap-argument_parenthesized_list_nil = الوسيط قائمة بين قوسين أو NIL
server-imap-connection_already_encrypted_tls = هذا الاتصال مشفَّر بـ TLS بالفعل
server-imap-starttls_not_available_server = STARTTLS غير متاح على هذا الخادم: ليس في قائمة CAPABILITY، فتابع بدون تشفير (خادم المختبر هذا يعمل على loopback فقط)
server-imap-begin_tls_negotiation_now = ابدأ التفاوض على TLS الآن
server-imap-authenticationfailed_authentication_failed_wrong = [AUTHENTICATIONFAILED] فشلت المصادقة: اسم المستخدم أو كلمة المرور خطأ
server-imap-user_name = اسم المستخدم
server-imap-user_name_2 = اسم المستخدم
server-imap-password = كلمة المرور
server-imap-privacyrequired_login_disabled_until_2 = [PRIVACYREQUIRED] الأمر LOGIN معطَّل حتى يُشفَّر الاتصال: نفّذ STARTTLS أولًا (LOGINDISABLED، RFC 3501 §6.2.3)
server-imap-sasl_mechanism_name = اسم آلية SASL
server-imap-cannot_mechanism_not_offered = [CANNOT] الآلية { $other } غير متاحة؛ هذا الخادم يتيح AUTH=PLAIN وAUTH=LOGIN
server-imap-privacyrequired_authentication_disabled_until = [PRIVACYREQUIRED] المصادقة معطَّلة حتى يُشفَّر الاتصال: نفّذ STARTTLS أولًا
server-imap-authenticate_cancelled_client = ألغى العميل AUTHENTICATE
server-imap-sasl_response_not_valid = رد SASL ليس base64 صالحًا؛ انتهى AUTHENTICATE
server-imap-authorizationfailed_may_not_act = [AUTHORIZATIONFAILED] لا يحق لـ { $authc } أن يعمل باسم { $authz }
server-imap-plain_expects_base64_authzid = PLAIN ينتظر base64 لـ authzid NUL user NUL password (RFC 4616)
server-imap-idle_ends_line_saying = ينتهي IDLE بسطر فيه كلمة DONE وحدها (RFC 2177)؛ توقف IDLE
server-imap-log_first = سجّل الدخول أولًا
server-imap-nonexistent_mailbox_does_not_4 = [NONEXISTENT] صندوق البريد "{ $name }" غير موجود (LIST "" "*" يعرض صناديق البريد)
server-imap-cannot_only_hierarchy_level = [CANNOT] "{ $name }" مستوى هرمي فقط (\Noselect) ولا رسائل فيه
server-imap-unseen_message_first_unseen = [UNSEEN { $n }] الرسالة { $n } هي أول رسالة غير مقروءة
server-imap-message_as_literal = الرسالة، نصًا حرفيًا {"{"}size{"}"}
server-imap-message_must_be_literal = تُرسل الرسالة نصًا حرفيًا (literal): {"{"}size{"}"} في آخر السطر، ثم البايتات
server-imap-literal8_needs_binary = literal8 (~{"{"}n{"}"}) يحتاج الامتداد BINARY، وهذا الخادم لا يتيحه
server-imap-word_size = حجم { $word }

## Why a command is refused in the current IMAP state: the server's reply and the
## REPL's explanation (imap-why-*) say it with the same words.
server-imap-wrong_state = { $command } { $why } (صالح في: { $valid })
server-imap-state_reason-needs_login = يحتاج أن تسجّل الدخول أولًا: LOGIN أو AUTHENTICATE
server-imap-state_reason-needs_login_and_select = يحتاج أن تسجّل الدخول ثم تفتح صندوق بريد بـ SELECT أو EXAMINE أولًا
server-imap-state_reason-needs_select = يحتاج صندوق بريد محددًا أولًا: افتح واحدًا بـ SELECT أو EXAMINE
server-imap-state_reason-before_login_only = مسموح فقط قبل تسجيل الدخول، وأنت سجّلت الدخول بالفعل
server-imap-state_reason-no_mailbox_selected = مسموح فقط حين لا يكون أي صندوق بريد محددًا: نفّذ CLOSE أو UNSELECT أولًا
server-imap-state_reason-not_in_this_state = غير مسموح في هذه الحالة
## src/lessons (guided lessons)

lesson-step_help = (:hint تلميح، :show الإجابة النموذجية، :skip، :back، :steps، :restart، :answer VALUE)
lesson-passed = نجحت الخطوة { $n }: { $title }
lesson-complete = اكتمل الدرس: { $title }
lesson-hint = تلميح { $n }/{ $of }:
lesson-no_more_hints = لا تلميحات أخرى لهذه الخطوة: :show يعرض الإجابة النموذجية.
lesson-model_answer = الإجابة النموذجية (اكتبها، أو :skip لتنفيذها):
lesson-skipping = تنفيذ الإجابة النموذجية والمتابعة:
lesson-fast_forward_failed = لا يمكن البدء من هناك: الإجابة النموذجية للخطوة { $n } لم تنجح
lesson-summary = نتائج { $title }:
lesson-total = الخطوات الناجحة: { $passed } من { $total }
lesson-no_account = { $file }: يحتاج الدرس الحساب { $user }، وهو غير موجود في المخزن
lesson-unknown = لا يوجد درس "{ $name }": الأمر maillab lesson list يعرض الدروس
lesson-list_total = الدروس: { $done } / { $total }، { $percent }%
lesson-state_done = منجز
lesson-state_new = لم يبدأ
lesson-state_part = الخطوات: { $passed }/{ $total }
lesson-check_ok = { $file }: { $steps ->
        [one] خطوة واحدة
        [two] خطوتان
        [few] { $steps } خطوات
        [many] { $steps } خطوة
       *[other] { $steps } خطوة
    }، والإجابة النموذجية تنجح
lesson-check_tr_ok = { $file }: ترجمة ({ $lang }) للدرس { $id }، وكل معرفات الخطوات موجودة
lesson-check_fail = { $file }:{ $line }: الخطوة { $id }: الإجابة النموذجية لا تنجح: { $why }
lesson-check_early = { $file }:{ $line }: الخطوة { $id }: الإجابة النموذجية تنجح قبل سطرها الأخير (بقي { $left ->
        [one] سطر واحد
        [two] سطران
        [few] { $left } أسطر
        [many] { $left } سطرًا
       *[other] { $left } سطر
    })
lesson-check_missing = { $file }: معرفات خطوات ناقصة في الترجمة: { $ids }
lesson-check_extra = { $file }: معرفات خطوات ليست في الدرس الأصلي { $id }: { $ids }
lesson-check_no_original = { $file }: لا يوجد درس معرفه { $id } لترجمته
lesson-new_written = كُتب { $file }: املأ مواضع TODO فيه، ثم نفّذ maillab lesson check { $file }
lesson-new_exists = { $file } موجود بالفعل
lesson-reset_done = مُسح تقدمك في { $name }
lesson-reset_all = مُسح كل تقدمك في الدروس
lesson-exported = كُتب التقدم في { $file }
lesson-imported = دُمج التقدم من { $file }
lesson-apop_digest = MD5 لـ { $timestamp } متبوعًا بكلمة المرور (كلمة المرور نفسها لا تمر على الشبكة أبدًا) = { $digest }
lesson-apop_no_timestamp = التحية لا تحمل <timestamp>: هذا الخادم لا يتيح APOP
lesson-miss-command = هذه الخطوة تريد { $want }، وأنت أرسلت { $got }: اسم الأمر مختلف
lesson-miss-arg = الأمر صحيح، لكن الوسيط { $n } مختلف: الخطوة تريد { $want }، وأنت كتبت { $got }
lesson-miss-missing_arg = الأمر صحيح، لكن الوسيط { $n } ({ $want }) ناقص
lesson-miss-extra_arg = الأمر صحيح، لكن الوسيط { $n } ({ $got }) زائد عمّا تطلبه الخطوة
lesson-miss-exact = هنا الدرس هو النص نفسه حرفًا بحرف: الخطوة تريد { $want }، وأنت كتبت { $got }
lesson-miss-reply = السطر هو ما تطلبه الخطوة، لكن الخادم ردّ بـ { $got } لا بـ { $want }: اقرأ الشرح تحت الرد
lesson-miss-session = الخطوة تريد هذا في الجلسة { $want }، وأنت كتبته في الجلسة { $got } (:switch { $want })
lesson-miss-server = لم يقل الخادم { $want } بعد
lesson-miss-state = يجب أن تكون الجلسة في الحالة { $want }، وهي في الحالة { $got }
lesson-miss-store = مخزن البريد لا يُظهر ذلك بعد: { $want }
lesson-miss-no_answer = أجب عن السؤال بـ :answer VALUE
lesson-miss-wrong_answer = { $got } ليس ما قاله الخادم: انظر في ردوده مرة أخرى
lesson-miss-answer_source = لم يعطِ الخادم هذه القيمة بعد: اسأله عنها أولًا
lesson-no_reply = لا رد
lesson-step_range = --step { $n }: خطوات الدرس من 1 إلى { $max }
lesson-cannot_keep_progress = لا يمكن حفظ التقدم: { $e }
lesson-check_needs_file = lesson check يحتاج ملفًا واحدًا (FILE) على الأقل
lesson-progress_version = ملف التقدم من الإصدار { $got } (هذا الإصدار من maillab يقرأ الإصدار { $reads })
lesson-fmt-session_number = [{ $num }]: رقم الجلسة 1 أو أكثر
lesson-fmt-needs_line = `{ $kw }` يحتاج السطر المطلوب
lesson-fmt-type_needs_line = `type` يحتاج السطر المطلوب (و`type exact` وحدها تعني سطرًا فارغًا)
lesson-fmt-meta_needs_colon = `meta` يريد أمرًا داخليًا يبدأ بـ `:`
lesson-fmt-reply_follows = `reply` يأتي بعد سطر `send` أو `type` أو `meta`
lesson-fmt-answer_needs_capture = `answer` يحتاج نمطًا فيه {"{"}n{"}"} أو {"{"}any{"}"} لالتقاط القيمة
lesson-fmt-needs_value = `{ $kw }` يحتاج قيمة
lesson-fmt-unknown_check = فحص مجهول "{ $check }": استعمل send أو type أو meta أو reply أو server أو state أو store أو answer
lesson-fmt-reply_empty = `reply` يحتاج ما يجب أن يكون عليه الرد: OK أو NO أو +OK أو 250 أو 2xx أو 5.7.9 أو [CODE] أو +
lesson-fmt-reply_word = الرد "{ $word }": استعمل OK أو NO أو BAD أو BYE أو +OK أو -ERR أو + أو رمزًا (250، 2xx) أو رمزًا موسَّعًا (5.7.9) أو [CODE]
lesson-fmt-store_usage = الاستعمال: store USER MAILBOX exists|missing|count N|flag SEQ FLAG|noflag SEQ FLAG|subject TEXT|contains TEXT|subscribed|unsubscribed
lesson-fmt-store_seq = "{ $seq }" ليس رقم رسالة ولا `last`
lesson-fmt-front_line = سطر في المقدمة (front matter) ليس بالشكل `key: value`: { $line }
lesson-fmt-front_open = المقدمة التي فُتحت بـ --- لا تُغلق أبدًا
lesson-fmt-front_missing = يبدأ الدرس بمقدمة (front matter) بين سطرين ---
lesson-fmt-bad_step_id = معرف الخطوة "{ $id }" فيه محارف غير الحروف والأرقام و- و_
lesson-fmt-step_id_twice = معرف الخطوة "{ $id }" مستعمل مرتين (أول مرة في السطر { $first })
lesson-fmt-block_open = الكتلة ```{ $kind } لا تُغلق أبدًا
lesson-fmt-block_before_step = كتلة ```{ $kind } قبل أول خطوة `## `
lesson-fmt-front_key = مفتاح مجهول في المقدمة "{ $key }" (id، title، protocol، mailbox، accounts)
lesson-fmt-bad_lesson_id = معرف الدرس "{ $id }" فيه محارف غير الحروف والأرقام و- و_
lesson-fmt-front_lacks = المقدمة ينقصها `{ $key }:`
lesson-fmt-protocol = البروتوكول "{ $protocol }": استعمل imap أو pop3 أو smtp
lesson-fmt-no_steps = الدرس يحتاج خطوة `## ` واحدة على الأقل
lesson-fmt-too_many_steps = الخطوات أكثر من { $max }
lesson-fmt-second_block = كتلة ```{ $kind } ثانية في خطوة واحدة
lesson-fmt-no_block = الخطوة "{ $id }" بلا كتلة ```{ $kind }
lesson-fmt-empty_check = الخطوة "{ $id }": كتلة ```check فيها فارغة
lesson-fmt-answer_without_question = الخطوة "{ $id }" تفحص `answer` لكن ليس فيها كتلة ```question
lesson-fmt-question_without_answer = الخطوة "{ $id }" تطرح سؤالًا لكن فحصها بلا سطر `answer`
lesson-fmt-step_todo = الخطوة "{ $id }" ما زال فيها TODO
lesson-fmt-lesson_todo = الدرس ما زال فيه TODO
lesson-fmt-translation_block = الترجمة تحمل النص الشارح فقط: ```{ $kind } تأتي من الأصل

## The REPL banner's accounts, and the teaching texts the servers put in their replies
## (always English on the wire: replies stay ASCII)
repl-tips_embedded = المستخدمون { $accounts } · :help يسرد الأوامر · Tab يُكمل · Ctrl-D للخروج
repl-account = { $user }/{ $password }
repl-account_app = { $user }/{ $password } (كلمة مرور تطبيق؛ { $normal } مرفوضة)
server-smtp-state-greet_first = ابدأ بـ EHLO (أو HELO): الأمر { $command } يحتاج جلسة بعد التحية (RFC 5321 §4.1.4)
server-smtp-state-needs_mail = الأمر { $command } يحتاج MAIL FROM:<address> أولًا
server-smtp-state-needs_mail_rcpt = الأمر { $command } يحتاج أولًا MAIL FROM:<address> وأمر RCPT TO واحدًا مقبولًا على الأقل
server-smtp-state-needs_rcpt = الأمر { $command } يحتاج أولًا أمر RCPT TO:<address> واحدًا مقبولًا على الأقل (لا مستلم صالحًا بعد)
server-smtp-state-nested_mail = MAIL متداخل: هناك معاملة مفتوحة بالفعل؛ أنهِها بـ DATA أو امسحها بـ RSET
server-smtp-state-in_transaction = الأمر { $command } غير مسموح أثناء معاملة بريد؛ نفّذ RSET أولًا، ثم { $command } (RFC 5321 §4.1.4)
server-smtp-state-other = الأمر { $command } غير صالح الآن (صالح في: { $states })
server-smtp-auth-needs_ehlo = AUTH يحتاج EHLO أولًا: HELO يبدأ جلسة بلا امتدادات (RFC 4954 §4)
server-smtp-auth-app_password = مطلوب كلمة مرور خاصة بالتطبيق: لدى { $user } التحقق بخطوتين مفعَّل، فعلى برامج البريد أن تسجّل الدخول بكلمة مرور تطبيق، لا بكلمة مرور الحساب (كما يرد Gmail)
server-smtp-auth-too_many = { $host } محاولات مصادقة فاشلة كثيرة ({ $count })، سيُغلق الاتصال
server-smtp-relay-denied = <{ $address }>: رُفض الترحيل: هذا المنفذ يقبل البريد إلى { $domains } فقط؛ للإرسال إلى غيرها سجّل الدخول بـ AUTH على منفذ الإرسال (587) أو SMTPS (465) (RFC 6409)
server-smtp-relay-not_yours = <{ $address }>: رُفض عنوان المرسل: لا يملكه المستخدم { $user }؛ البريد بعد المصادقة يأتي من عنوانك أنت، مثل <{ $own }>، وإلا استطاع أي أحد أن يرسل باسم أي أحد (RFC 6409 §6.1)
server-smtp-quota-user_full = <{ $address }>: صندوق البريد ممتلئ: ما لدى { $user } تجاوز الحصة، وهي { $quota ->
        [one] بايت واحد
        [two] بايتان
        [few] { $quota } بايتات
        [many] { $quota } بايتًا
       *[other] { $quota } بايت
    }؛ حاول لاحقًا بعد حذف بعض البريد
server-smtp-quota-user_over = رُفضت الرسالة: سيتجاوز ما لدى { $user } الحصة، وهي { $quota ->
        [one] بايت واحد
        [two] بايتان
        [few] { $quota } بايتات
        [many] { $quota } بايتًا
       *[other] { $quota } بايت
    }؛ لم يُخزَّن شيء
server-smtp-quota-sink_full = مخزن البريد المرحَّل ممتلئ (حدّه { $limit ->
        [one] بايت واحد
        [two] بايتان
        [few] { $limit } بايتات
        [many] { $limit } بايتًا
       *[other] { $limit } بايت
    }): خادم المختبر هذا يحفظ بريد النطاقات الأخرى ولا يتسع لمزيد الآن؛ لم يُخزَّن شيء
server-smtp-quota-store_full = مخزن خادم المختبر ممتلئ (حدّه { $limit ->
        [one] بايت واحد
        [two] بايتان
        [few] { $limit } بايتات
        [many] { $limit } بايتًا
       *[other] { $limit } بايت
    } للجميع)؛ لم يُخزَّن شيء، حاول لاحقًا
server-pop3-state-needs_login = الأمر { $command } صالح فقط بعد تسجيل الدخول (حالة المعاملة، TRANSACTION)؛ سجّل الدخول بـ USER وPASS أولًا
server-pop3-state-stls_after_login = STLS مسموح فقط قبل تسجيل الدخول (RFC 2595 §4)
server-pop3-state-logged_in = سجّلت الدخول بالفعل باسم { $user }: الأمر { $command } لحالة التفويض (AUTHORIZATION)
server-pop3-state-other = الأمر { $command } غير صالح الآن (صالح في: { $states })
server-pop3-auth-app_password = [AUTH] مطلوب كلمة مرور خاصة بالتطبيق: لدى { $user } التحقق بخطوتين مفعَّل، فعلى برامج البريد أن تسجّل الدخول بكلمة مرور تطبيق
server-pop3-auth-too_many = محاولات دخول فاشلة كثيرة ({ $count })، سيُغلق الاتصال
server-imap-auth-invalid = [AUTHENTICATIONFAILED] فشلت المصادقة: اسم المستخدم أو كلمة المرور خطأ
server-imap-auth-app_password = [AUTHENTICATIONFAILED] مطلوب كلمة مرور خاصة بالتطبيق: لدى { $user } التحقق بخطوتين مفعَّل، فعلى برامج البريد أن تسجّل الدخول بكلمة مرور تطبيق
server-imap-auth-authorization = [AUTHORIZATIONFAILED] لا يحق لـ { $user } أن يعمل باسم { $authzid }
server-imap-auth-mechanism = [CANNOT] الآلية { $mechanism } غير متاحة؛ هذا الخادم يتيح AUTH=PLAIN وAUTH=LOGIN وAUTH=CRAM-MD5
server-imap-auth-cancelled = ألغى العميل AUTHENTICATE
server-imap-auth-base64 = رد SASL ليس base64 صالحًا؛ انتهى AUTHENTICATE
server-imap-auth-malformed = فشل AUTHENTICATE: { $why }
server-imap-quota-user = [OVERQUOTA] سيتجاوز ما لدى { $user } الحصة، وهي { $quota ->
        [one] بايت واحد
        [two] بايتان
        [few] { $quota } بايتات
        [many] { $quota } بايتًا
       *[other] { $quota } بايت
    }؛ احذف بريدًا أو نفّذ EXPUNGE أولًا
server-imap-quota-store = [OVERQUOTA] مخزن خادم المختبر ممتلئ (حدّه { $limit ->
        [one] بايت واحد
        [two] بايتان
        [few] { $limit } بايتات
        [many] { $limit } بايتًا
       *[other] { $limit } بايت
    } للجميع)؛ حاول لاحقًا

## src/protocol/explain/smtp.rs


## src/serve.rs

serve-not_whole_number = { $value } ليس عددًا صحيحًا
serve-unknown_limit = حد مجهول { $other }
serve-warning_listening_makes_lab = تحذير: الاستماع على { $ip } يجعل خادم المختبر قابلًا للوصول من أجهزة أخرى

## src/server/imap/checks.rs

server-imap-limit_mailbox_already_has = [LIMIT] في صندوق البريد هذا { $len ->
        [one] كلمة مفتاحية واحدة
        [two] كلمتان مفتاحيتان
        [few] { $len } كلمات مفتاحية
        [many] { $len } كلمة مفتاحية
       *[other] { $len } كلمة مفتاحية
    } بالفعل، والحد الأقصى { $max }؛ أعد استعمال إحداها (FLAGS يسردها)

## src/server/imap/mailbox.rs

server-imap-limit_have_mailboxes_most = [LIMIT] لديك { $count ->
        [one] صندوق بريد واحد
        [two] صندوقا بريد
        [few] { $count } صناديق بريد
        [many] { $count } صندوق بريد
       *[other] { $count } صندوق بريد
    }، وهذا أقصى ما يسمح به هذا الخادم؛ احذف واحدًا بـ DELETE أولًا

## src/server/imap/messages.rs

server-imap-limit_search_would_cost = [LIMIT] هذا البحث يكلّف أكثر مما يسمح به الخادم لأمر واحد؛ استعمل معايير أقل أو أبسط (أو رسائل أقل، بمدى UID)

## src/server/imap/mod.rs

server-imap-toobig_before_login_literal = [TOOBIG] قبل تسجيل الدخول لا يزيد النص الحرفي على { $limit ->
        [one] بايت واحد
        [two] بايتين
        [few] { $limit } بايتات
        [many] { $limit } بايتًا
       *[other] { $limit } بايت
    }، وهذا أعلن { $size } (RFC 7888 LITERAL-)؛ سجّل الدخول أولًا
server-imap-idle_without_command_closing = لا أمر منذ { $idle_timeout }، سيُغلق الاتصال

## src/server/imap/session.rs

server-imap-trycreate_mailbox_does_not_3 = [TRYCREATE] صندوق البريد "{ $name }" غير موجود: أنشئه أولًا بـ CREATE، ثم نفّذ APPEND

## src/serve.rs

serve-busy_imap = اتصالات كثيرة جدًا بخادم المختبر هذا (من عنوانك أو إجمالًا)، حاول لاحقًا
serve-too_many_connections_from = اتصالات كثيرة جدًا (من عنوانك أو إجمالًا)، حاول لاحقًا

## :help lines of the REPL's meta commands (the syntax stays as typed)
repl-meta-help-help = يسرد الأوامر، أو يعرض صيغة أمر واحد وحالاته وقسم RFC الخاص به ومثالًا عليه
repl-meta-help-explain_toggle = مقدار الشرح تحت ردود الخادم: brief (الشرح الرئيسي)، أو full (كل سطر)، أو off
repl-meta-help-why = الشرح الكامل لآخر رد، لكل سطر فيه
repl-meta-help-pipeline = يرسل الأسطر المفصولة بـ ; دون انتظار الردود (SMTP PIPELINING، وتتابع أوامر IMAP ذات المعرفات)، ثم يعرض كل رد تحت أمره
repl-meta-help-explain_text = يشرح أي سطر من الخادم، مثلًا :explain 550 5.1.1 User unknown
repl-meta-help-b64 = يرمّز TEXT بـ base64 (ويُخفيه في سجل الجلسة)
repl-meta-help-unb64 = يفك ترميز base64 (بايتات NUL تظهر هكذا \0)
repl-meta-help-plain = سلسلة base64 لـ AUTH PLAIN / AUTHENTICATE PLAIN (RFC 4616)
repl-meta-help-auth_token = يسجّل الدخول برمز وصول OAuth 2.0 لديك بالفعل (Gmail، Outlook؛ RFC 7628)
repl-meta-help-auth = ينفّذ تسجيل دخول SASL خطوة خطوة، ويعرض كل سلسلة base64 بعد فك ترميزها
repl-meta-help-append = APPEND في IMAP لملف رسالة، مع حساب حجم النص الحرفي عنك
repl-meta-help-more = يعرض بقية آخر نص حرفي أو رسالة اختُصرت
repl-meta-help-save = يكتب سجل الجلسة حتى الآن (مع إخفاء الأسرار)
repl-meta-help-connect_embedded = يفتح جلسة أخرى على الخادم المدمج (مخزن البريد نفسه)
repl-meta-help-connect_url = يفتح جلسة على خادم حقيقي: imap://HOST:PORT، pop3://، smtp://
repl-meta-help-sessions = يسرد الجلسات المفتوحة
repl-meta-help-switch = يجعل الجلسة N هي الجلسة الحالية
repl-meta-help-wait = يترك أسطر الخادم التي لم تطلبها تصل (أثناء IDLE مثلًا)
repl-meta-help-quit = للخروج (Ctrl-D يفعل الشيء نفسه)
repl-meta-usage = الاستعمال: { $usage }
repl-meta-unknown = أمر داخلي مجهول { $command }؛ :help يسرد الأوامر الداخلية

## src/repl/engine.rs

repl-cannot_write_transcript = لا يمكن كتابة سجل الجلسة { $path }: { $error }
repl-literal_octets_go = نص حرفي، بقي { $left ->
        [one] بايت واحد
        [two] بايتان
        [few] { $left } بايتات
        [many] { $left } بايتًا
       *[other] { $left } بايت
    }
repl-rest_command_enter_ends = بقية الأمر (Enter ينهيه)
repl-idling_done_ends = انتظار IDLE (DONE ينهيه)
repl-answer_server_base64_cancels = أجب الخادم (base64، و* يلغي)
repl-insecure_certificate_not_verified = 🔓 غير آمن (لم يُتحقق من الشهادة)
repl-embedded_server = الخادم المدمج
repl-starttls_server_did_not = --starttls: لم يرقِّ الخادم الجلسة { $id } إلى TLS
repl-connection_session_failed = فشل اتصال الجلسة { $id }: { $error }
repl-server_closed_connection_session = أغلق الخادم الاتصال (الجلسة { $id })
repl-middle_response = في منتصف رد
repl-connect_opens_new_session = ؛ :connect يفتح جلسة جديدة، و:quit للخروج
repl-challenge_base64 = التحدي "{ $challenge }" هو base64 لـ "{ $decoded }"
repl-answer_base64 = الجواب: "{ $answer }" بـ base64
repl-cannot_answer_challenge_cancelling = لا يمكن الرد على التحدي: { $error }؛ يُلغى بـ *
repl-octets_message_then_crlf = [{ $len ->
        [one] بايت واحد
        [two] بايتان
        [few] { $len } بايتات
        [many] { $len } بايتًا
       *[other] { $len } بايت
    } من الرسالة، ثم CRLF]
repl-server_answered_before_literal = ردّ الخادم قبل اكتمال النص الحرفي: انتهى الأمر
repl-session_closed_connect_opens = هذه الجلسة مغلقة: :connect يفتح جلسة جديدة، و:sessions يسرد الجلسات، و:quit للخروج
repl-line_octets_crlf_but = طول هذا السطر بالبايت { $len } ({ $with_crlf } مع CRLF)، لكن الباقي من النص الحرفي { $need } بالضبط: اكتب سطرًا طوله { $need } لإنهائه، أو سطرًا لا يزيد على { $at_most } لتتابع
repl-octets_bdat_data = [{ $len ->
        [one] بايت واحد
        [two] بايتان
        [few] { $len } بايتات
        [many] { $len } بايتًا
       *[other] { $len } بايت
    } من بيانات BDAT]
repl-dot_stuffed_body_line = حشو النقاط (dot-stuffing): سطر نص الرسالة الذي يبدأ بـ "." تُضاف إليه "." أخرى كي لا ينهي الرسالة، والخادم يزيلها (RFC 5321 §4.5.2)
repl-no_complete_reply_within = لا رد كامل خلال { $secs ->
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $secs } ثوانٍ
        [many] { $secs } ثانية
       *[other] { $secs } ثانية
    }؛ نتابع
repl-stopped_waiting_reply_will = توقف الانتظار؛ سيظهر الرد حين يصل
repl-explanations = الشرح مفعَّل
repl-explanations_off_explain_brings = الشرح متوقف (:explain brief أو :explain full يعيده)
repl-explanations_brief = الشرح موجز: الشرح الرئيسي لكل رد (:why يعرض شرح آخر رد كله، و:explain full يعرض كل شيء دائمًا)
repl-explanations_full = الشرح كامل: كل سطر مشروح
repl-brief_summary = { $count ->
        [one] شرح آخر
        [two] شرحان آخران
        [few] { $count } شروح أخرى
        [many] { $count } شرحًا آخر
       *[other] { $count } شرح آخر
    }: { $names } - :why يشرح كلًّا منها
repl-why_nothing = لا رد بعد: :why يشرح آخر رد كاملًا
repl-no_explanation_line = لا شرح لهذا السطر
repl-transcript_written = كُتب سجل الجلسة في { $path }
repl-cannot_write = لا يمكن الكتابة في { $path }: { $error }
repl-now_session = الآن في الجلسة { $n }: { $prompt }
repl-no_session_there_sessions = لا توجد جلسة { $n }: عدد الجلسات { $len } (:sessions يسردها)
repl-commands_valid_now_help = أوامر { $protocol } الصالحة الآن ({ $state })؛ :help COMMAND يعرض أمرًا واحدًا:
repl-valid_other_states = صالحة في حالات أخرى:
repl-type_commands_without_tag = اكتب الأوامر بلا معرف: LOGIN alex drums يُرسل هكذا a001 LOGIN alex drums
repl-meta_commands_never_sent = الأوامر الداخلية (لا تُرسل أبدًا):
repl-no_meta_command_help = لا يوجد أمر داخلي { $name }؛ :help يسرد الأوامر الداخلية
repl-valid = صالح في: { $states }
repl-not_command_help_lists = { $name } ليس من أوامر { $protocol }؛ :help يسردها
repl-mechanisms_plain_login_cram = الآليات: plain، login، cram-md5
repl-session_closed_connect_opens_2 = هذه الجلسة مغلقة: :connect يفتح جلسة جديدة
repl-one_base64_string_holding = سلسلة base64 واحدة تحمل \0user\0password
repl-server_asks_username_then = يسأل الخادم Username: ثم Password:، ويُجاب كل منهما بـ base64
repl-server_sends_challenge_answer = يرسل الخادم تحديًا، والجواب هو اسم المستخدم مع HMAC-MD5(password, challenge)، فلا تمر كلمة المرور على الشبكة أبدًا
repl-initial_response_base64 = الرد الأولي: "{ $response }" بـ base64
repl-append_imap_sessions = :append لجلسات IMAP فقط
repl-larger_than_octets = { $file } أكبر من { $max_append ->
        [one] بايت واحد
        [two] بايتين
        [few] { $max_append } بايتات
        [many] { $max_append } بايتًا
       *[other] { $max_append } بايت
    }
repl-cannot_read = لا يمكن قراءة { $file }: { $error }
repl-octets_crlf_line_ends = حجم { $file } { $len ->
        [one] بايت واحد
        [two] بايتان
        [few] { $len } بايتات
        [many] { $len } بايتًا
       *[other] { $len } بايت
    } بنهايات أسطر CRLF (RFC 5322 §2.1): هذا هو العدد الذي يُكتب في النص الحرفي
repl-nothing_elided_show = لا شيء مختصر لعرضه
repl-meta-usage_switch = :switch N (انظر :sessions)
repl-meta-usage_wait = :wait SECONDS (من 0 إلى 3600)
repl-meta-usage_connect = :connect imap|pop3|smtp، أو :connect imap://HOST:PORT
repl-meta-usage_explain = :explain brief|full|off، أو :explain TEXT
repl-meta-usage_pipeline = :pipeline LINE ; LINE ; ...

## The REPL's banner, session and :help lines
repl-banner = maillab { $version }: { $protocol } على { $target }
repl-session_opened = الجلسة { $id }: { $protocol } على { $target }
repl-plain_is_base64_of = base64 لـ \0{ $user }\0{ $mask }، RFC 4616
repl-example = مثال: { $example }
lesson-miss-answer_first = السؤال عن رد في هذه الخطوة: أرسل الأمر أولًا، ثم أجب
lesson-step_head = -- الخطوة { $n }/{ $total }: { $title } --
lesson-miss-syntax = الصيغة: { $syntax } ({ $rfc })
lesson-miss-wanted_does = { $command }: { $summary } ({ $rfc })
lesson-meta-hint = التلميح التالي لهذه الخطوة
lesson-meta-show = الإجابة النموذجية لهذه الخطوة
lesson-meta-skip = ينفّذ الإجابة النموذجية ويتابع (تُحسب الخطوة متخطّاة)
lesson-meta-back = يعود خطوة واحدة
lesson-meta-restart = يبدأ الدرس من جديد على خادم جديد
lesson-meta-steps = كل الخطوات مع علامة كل خطوة
lesson-meta-step = يعرض الخطوة الحالية مرة أخرى
lesson-meta-answer = يجيب عن سؤال الخطوة مما قاله الخادم
lesson-meta-apop = APOP في POP3، مع حساب الملخص من الطابع الزمني في التحية

## Names of what an IMAP command is missing or got wrong ("{ $what } is missing")
server-imap-what-pattern = النمط
server-imap-what-message = الرسالة
server-imap-what-keyword = الكلمة المفتاحية
server-imap-what-password = كلمة المرور
server-imap-what-mechanism = الآلية
server-imap-what-key_date = تاريخ { $key }

## POP3: a maildrop's size
server-pop3-messages = { $n ->
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $n } رسائل
        [many] { $n } رسالة
       *[other] { $n } رسالة
    }
server-pop3-maildrop_has = لدى { $user } { $messages } ({ $size ->
        [one] بايت واحد
        [two] بايتان
        [few] { $size } بايتات
        [many] { $size } بايتًا
       *[other] { $size } بايت
    })

## sizes
size-about = حوالي { $size }
size-octets = { $n ->
        [zero] { $n } بايت
        [one] بايت واحد
        [two] بايتان
        [few] { $n } بايتات
        [many] { $n } بايت
       *[other] { $n } بايت
    }
size-kb = { $n ->
        [one] كيلوبايت واحد
       *[other] { $n } كيلوبايت
    }
size-mb = { $n ->
        [one] ميغابايت واحد
       *[other] { $n } ميغابايت
    }
size-gb = { $n ->
        [one] غيغابايت واحد
       *[other] { $n } غيغابايت
    }

## glosses: a term shown with the RFC's Latin name beside it
gloss-with_latin = { $term } ({ $latin })

## server texts shown in the language of the explanations
explain-server_words = كلام الخادم:

## accounts and ctl
server-accounts-bad_name = لا يوجد حساب "{ $user }" ولا يمكن إنشاؤه: اسم الحساب الجديد فيه حروف وأرقام و"." و"_" و"-" فقط، ويبدأ بحرف أو رقم، وليس postmaster أو abuse أو mailer-daemon أو root
server-accounts-bad_password = لا يوجد حساب "{ $user }": سجّل الدخول بكلمة مرور (غير فارغة، بلا محارف تحكم) لإنشائه
server-accounts-full = لا يوجد حساب "{ $user }"، وقد أنشأ خادم المختبر هذا كل ما يسمح به من حسابات ({ $cap }، الخيار --open-accounts): اسأل المدرّس
server-accounts-reset_bye = [ALERT] استبدل المدرّس بريد { $mailbox } (reset أو restore أو load): تغيّر UIDVALIDITY، فأرقام UID التي عندك لم تعد تعني شيئًا. سجّل الدخول من جديد
server-accounts-reset_pop3 = استبدل المدرّس بريد صندوق البريد هذا (reset أو restore أو load): لم يُحذف شيء مما وضعت عليه علامة الحذف. سجّل الدخول من جديد
accounts-users_file_line = السطر { $line }: المتوقع user:password، واسم المستخدم حروف وأرقام و"." و"_" و"-"
accounts-no_snapshot = لا توجد لقطة باسم "{ $name }"
accounts-bad_name = "{ $name }" ليس اسمًا صالحًا: حروف وأرقام و"." و"_" و"-"، يبدأ بحرف أو رقم
accounts-open_banner = حسابات مفتوحة: الاسم الجديد يسجّل الدخول بكلمة المرور التي يختارها (حتى { $cap } حساب)
accounts-users_banner = و{ $count ->
        [zero] لا حسابات
        [one] حساب واحد
        [two] حسابان
        [few] { $count } حسابات
        [many] { $count } حسابًا
       *[other] { $count } حساب
    } من --users
main-loading_users = قراءة ملف المستخدمين { $path }
lab-ctl-teacher_only = هذا للمدرّس وحده: أعطِ --token (الرمز الذي طبعه maillab serve)
lab-ctl-failed = لم يستطع خادم المختبر فعل ذلك: { $reason }
lab-ctl-no_such_user = ليس في خادم المختبر حساب "{ $user }"
lab-ctl-no_snapshot = ليس في خادم المختبر لقطة "{ $name }"
lab-ctl-bad_name = "{ $name }" ليس اسمًا صالحًا (حروف وأرقام و"." و"_" و"-")
lab-ctl-reset_done = reset: تغيّر { $changed ->
        [zero] لا صندوق بريد
        [one] صندوق بريد واحد
        [two] صندوقا بريد
        [few] { $changed } صناديق بريد
        [many] { $changed } صندوق بريد
       *[other] { $changed } صندوق بريد
    }، ولكلٍّ UIDVALIDITY جديد؛ وأُغلقت الجلسات التي كانت قد حددت أحدها
lab-ctl-snapshot_done = حُفظت اللقطة "{ $name }" ({ $users ->
        [zero] لا حسابات
        [one] حساب واحد
        [two] حسابان
        [few] { $users } حسابات
        [many] { $users } حسابًا
       *[other] { $users } حساب
    })
lab-ctl-restore_done = استُعيدت "{ $name }": تغيّر { $changed ->
        [zero] لا صندوق بريد
        [one] صندوق بريد واحد
        [two] صندوقا بريد
        [few] { $changed } صناديق بريد
        [many] { $changed } صندوق بريد
       *[other] { $changed } صندوق بريد
    }، ولكلٍّ UIDVALIDITY جديد
lab-ctl-load_done = حُمِّل { $path }: تغيّر { $changed ->
        [zero] لا صندوق بريد
        [one] صندوق بريد واحد
        [two] صندوقا بريد
        [few] { $changed } صناديق بريد
        [many] { $changed } صندوق بريد
       *[other] { $changed } صندوق بريد
    }، ولكلٍّ UIDVALIDITY جديد
lab-ctl-deliver_done = سُلِّمت إلى INBOX الخاص بـ { $user } برقم UID { $uid }
lab-ctl-reading = لا يمكن قراءة { $path }: { $error }
lab-ctl-users_header = USER  KIND  MAILBOXES  MESSAGES  BYTES

## REPL engine: notes and warnings sent to observers as events (the parts are translated above)
repl-said = { $text }
repl-ended-failed = { repl-connection_session_failed }{ repl-connect_opens_new_session }
repl-ended-failed_mid = { repl-connection_session_failed } { repl-middle_response }{ repl-connect_opens_new_session }
repl-ended-closed = { repl-server_closed_connection_session }{ repl-connect_opens_new_session }
repl-ended-closed_mid = { repl-server_closed_connection_session } { repl-middle_response }{ repl-connect_opens_new_session }

## faults and certificates
# Replies on the wire stay ASCII: these go out in English (tr_en) in every language.
faults-quota_imap = NO [OVERQUOTA] تجاوز صندوق البريد حصته التخزينية
faults-quota_smtp = 552 5.2.2 صندوق البريد ممتلئ، تجاوز حصته التخزينية
faults-quota_pop3 = -ERR تجاوز صندوق البريد حصته التخزينية
faults-data_go_ahead = 354 أنهِ البيانات بـ <CR><LF>.<CR><LF>
lab-ctl-faults_done = تم: تسري القواعد على الجلسات التي تُفتح من الآن، ومن الأمر التالي في الجلسات التي فُتحت والقواعد سارية
lab-ctl-config_tls = TLS من أول بايت
lab-ctl-config_starttls = يُعرض STARTTLS
lab-ctl-config_ca = شهادة سلطة المختبر (اجعل العميل يثق بها):

## lessons on the lab server
lab-lessons-progress_header = STUDENT LESSON PASSED ATTEMPTS HINTS LAST-ACTIVITY
lab-lessons-no_progress = (لم يُبلغ أي درس على هذا الخادم عن خطوة بعد)
lab-lessons-refused = رفضت نقطة التحكم في خادم المختبر: { $reply }
lab-lessons-no_listener = ليس في خادم المختبر مستمع { $name } (انظر ملف المنافذ الذي يكتبه maillab serve)
lab-lessons-password_needed = لا توجد طرفية لطلب كلمة المرور فيها (وضع السكربت): أعطِ --password
lab-lessons-password_prompt = كلمة مرور { $user } على خادم المختبر:
lab-lessons-your_account = أنت على خادم المختبر { $user }: حيث يذكر الدرس { $lesson_user } (وكلمة مرور ذلك الحساب)، استعمل حسابك وكلمة مرورك.
lab-lessons-fixture_not_on_server = يبدأ الدرس { $lesson } من البيانات التجريبية { $fixture }، ولا يستطيع خادم المختبر تحميلها لطالب؛ شغّله على جهازك، أو اطلب من المدرّس تحميلها (maillab ctl load)

## command-line help (one text per doc comment in src/cli.rs; clap headings and notes)
cli-about-main = تعلَّم SMTP وIMAP وPOP3 بالتحدث بها: REPL مع الشرح، وخادم بريد وهمي مدمج، وخادم للمختبر
cli-help-main-color = متى تُستعمل الألوان (auto يحترم NO_COLOR وما ليس طرفية)
cli-help-main-no_explain = لا تطبع الشرح تحت ردود الخادم (مثل --explain off)
cli-help-main-explain = مقدار الشرح تحت ردود الخادم: brief (الافتراضي في الطرفية)، أو full (الافتراضي في وضع السكربت)، أو off
cli-help-main-transcript = سجِّل الجلسة (مع إخفاء الأسرار) في هذا الملف أولًا بأول
cli-help-main-full = وضع السكربت: اطبع النصوص الحرفية الكبيرة كاملة بدل اختصارها
cli-help-main-ca_file = ثق أيضًا بشهادات CA في ملف PEM هذا (CA خاصة أو CA المختبر، مثلًا من serve --ca-out)
cli-help-main-insecure = اقبل أي شهادة من الخادم (يبقى تحذير ظاهرًا عند كل محث)
cli-help-main-connect_timeout = عدد الثواني لانتظار اتصال TCP
cli-help-main-reply_timeout = عدد الثواني التي ينتظر فيها وضع السكربت الرد (لا ينتظر أثناء IDLE أو انتظار الإشعارات)
cli-help-main-lang = لغة الشرح والمساعدة: en أو ar (ما ينقصها يظهر بالإنجليزية). الافتراضي: ما في ملف الإعدادات، وإلا LC_ALL / LC_MESSAGES / LANG (ar_EG.UTF-8 تعني ar)
cli-help-main-bidi = ترتيب الأسطر من اليمين إلى اليسار: logical (الطرفية تعيد الترتيب: GNOME Terminal وKonsole وmlterm) أو visual (مرتبة مسبقًا للعرض: tmux وxterm)
cli-help-main-fixture = حمِّل المخزن المدمج من ملف mbox أو Maildir أو مجلد فيه ملفات .eml
cli-about-imap = REPL على خادم IMAP المدمج (الافتراضي)
cli-about-pop3 = REPL على خادم POP3 المدمج
cli-about-smtp = REPL على خادم SMTP المدمج
cli-about-connect = صِل الـREPL بخادم حقيقي، مثل telnet أذكى: imap:// وimaps:// وpop3:// وpop3s:// وsmtp:// وsmtps:// (المنفذ حسب المخطط)، أو HOST:PORT مع --protocol
cli-help-connect-url = imaps://imap.example.org أو smtp://127.0.0.1:1025 أو host:port مع --protocol
cli-help-connect-protocol = البروتوكول حين يكون العنوان بلا مخطط (imap أو pop3 أو smtp)
cli-help-connect-starttls = رقِّ الاتصال بـ STARTTLS (وSTLS في POP3) مباشرة بعد التحية (وبعد EHLO)
cli-help-connect-submission = smtp:// بلا منفذ يعني منفذ الإرسال 587 بدل 25
cli-about-explain = اشرح أسطر الخادم، أو جلسة ملصوقة، أو سجل جلسة، أو مخرجات التصحيح في Python
cli-help-explain-protocol = imap أو smtp أو pop3 (يُعرف من النص إن لم يُعطَ)
cli-help-explain-file = اقرأ النص من هذا الملف (سجل جلسة، أو ما طبعه سكربت Python)
cli-help-explain-text = السطر أو الأسطر المراد شرحها (قد تبدأ بـ "-" كما في -ERR في POP3)؛ و"-" وحدها تقرأ الدخل القياسي
cli-about-serve = خادم المختبر: IMAP وPOP3 وSMTP على loopback للعملاء الحقيقيين
cli-help-serve-bind = العنوان الذي يستمع عليه؛ أي عنوان غير loopback يطبع تحذيرًا
cli-help-serve-port_offset = يُضاف إلى المنافذ القياسية (143 تصبح 1143 افتراضيًا)
cli-help-serve-imap = عنوان مستمع IMAP (المنفذ 0 يختار منفذًا حرًّا)
cli-help-serve-pop3 = عنوان مستمع POP3
cli-help-serve-smtp = عنوان مستمع SMTP
cli-help-serve-submission = عنوان مستمع الإرسال (SMTP مع اشتراط AUTH)
cli-help-serve-imaps = عنوان مستمع IMAPS (TLS ضمني)
cli-help-serve-pop3s = عنوان مستمع POP3S (TLS ضمني)
cli-help-serve-smtps = عنوان مستمع SMTPS (إرسال مع TLS ضمني)
cli-help-serve-only = شغِّل هذه المستمعات فقط (أسماء تفصلها فواصل: imap,pop3,smtp,submission,imaps,pop3s,smtps)
cli-help-serve-cert = سلسلة الشهادات (PEM) التي تُقدَّم بدل شهادة CA المختبر
cli-help-serve-key = المفتاح الخاص (PEM) لـ --cert
cli-help-serve-ca_out = اكتب في هذا الملف شهادة CA التي يجب أن يثق بها العملاء (PEM)
cli-help-serve-require_tls = ارفض تسجيل الدخول حتى يعمل TLS (LOGINDISABLED، وAUTH محجوب)، كما تفعل الخوادم الحقيقية
cli-help-serve-ports_file = اكتب العناوين المربوطة بصيغة JSON في هذا الملف
cli-help-serve-domain = نطاق بريد محلي إضافي (maillab.test وlocalhost محليان دائمًا)
cli-help-serve-idle_timeout = ثواني السكون قبل إغلاق الجلسة (RFC 3501 §5.4 يطلب 30 دقيقة على الأقل)
cli-help-serve-max_literal = أكبر نص حرفي (literal) يُقبل في IMAP، بالبايت
cli-help-serve-quota = البريد الذي يحق لمستخدم واحد، بالـ MiB (ثم 452 4.2.2 و552 5.2.2 وNO [OVERQUOTA])
cli-help-serve-sink_limit = البريد الموجَّه إلى نطاقات أخرى المحفوظ في مخزن البريد المُمرَّر، بالـ MiB (ثم 452 4.3.1)
cli-help-serve-store_limit = كل ما يتسع له المخزن، لكل المستخدمين ومخزن البريد المُمرَّر، بالـ MiB (ثم 452 4.3.1)
cli-help-serve-limits = غيِّر حدًّا أو مؤقتًا، NAME=VALUE (يتكرر؛ المؤقتات بالثواني): prelogin-timeout وwrite-timeout وtls-timeout وrate-window وmin-data-rate (octets/s) وauth-delay-ms وmax-auth-failures وmax-connections وmax-per-address وsearch-cost وmax-keywords وmax-mailboxes وprelogin-literal
cli-help-serve-faults = أدخِل أعطالًا مبرمجة (رفض التحية، ردود مختارة، قطع الاتصالات) من هذا الملف، قاعدة في كل سطر: LISTENER COMMAND WHEN ACTION
cli-help-serve-imap_caps = أوقف إمكانات IMAP، مثل -IDLE,-MOVE: لا تُعلَن، وأوامرها تُجاب بـ BAD كما في خادم لا يملكها
cli-help-serve-smtp_caps = أوقف امتدادات SMTP، مثل -STARTTLS,-AUTH: لا تظهر في رد EHLO، ويُجاب STARTTLS/AUTH بـ 502 5.5.1
cli-help-serve-pop3_caps = أوقف إمكانات POP3، مثل -UIDL,-TOP: لا تظهر في CAPA، ويُجاب الأمر بـ -ERR
cli-help-serve-quiet = لا تطبع إلا الأخطاء
cli-help-serve-trace = اطبع أسطر كل جلسة مباشرة مع الشرح كما في الـREPL، وقبل كل سطر [session protocol user]؛ بيانات الرسائل تُختصر بحجمها، والأسرار تُخفى
cli-help-serve-show_secrets = أظهر كلمات المرور وإجابات SASL في التتبع (سجلات الجلسات تخفيها دائمًا)
cli-help-serve-transcripts = اكتب سجلًا لكل جلسة (مع إخفاء الأسرار) في هذا المجلد
cli-help-serve-data = احفظ البريد على القرص في شجرة Maildir++ لكل مستخدم (DIR/USER/Maildir)، تُكتب قبل أن يقول أي رد إنها حُفظت؛ وDIR الموجود يُحمَّل
cli-help-serve-users = حسابات إضافية، `user:password` في كل سطر (# للتعليقات)؛ لكل حساب نسخته من البريد التجريبي. اسم مستخدم تجريبي يحدد كلمة المرور لذلك المستخدم
cli-help-serve-open_accounts = تسجيل الدخول باسم مستخدم جديد (حروف وأرقام و. _ -) ينشئ ذلك الحساب بكلمة المرور التي استعملها ونسخته من البريد التجريبي، حتى CAP حساب
cli-help-serve-stats_file = احفظ إحصاءات كل جلسة وكل بروتوكول (البايتات، الأسطر، الأوامر، الذهاب والعودة، الأوقات) في ملف JSON هذا، ويُعاد كتابته عند انتهاء الجلسات
cli-help-serve-control = عنوان نقطة التحكم لـ maillab ctl / watch (الافتراضي: إزاحة المنافذ + 80 على --bind حين تُستعمل المستمعات القياسية)
cli-help-serve-teacher_token = رمز المعلم لنقطة التحكم (الافتراضي: رمز عشوائي يُطبع)
cli-about-completions = اطبع سكربت إكمال للصدفة (bash وzsh وfish وelvish وpowershell)
cli-help-completions-shell = الصدفة التي يعمل فيها الإكمال
cli-about-man = اطبع صفحة الدليل (roff) المبنية من هذه الخيارات نفسها
cli-about-lesson = دروس موجَّهة: خطوة واحدة كل مرة، وكل خطوة تُفحص وأنت تكتب
cli-help-lesson-dir = مجلد فيه دروسك الخاصة، إضافة إلى الدروس المدمجة
cli-help-lesson-json = اطبع مستند JSON ذا إصدار بدل النص (المخطط في docs/writing-lessons.md)
cli-about-lesson-list = كل الدروس مع تقدمك فيها
cli-about-lesson-run = شغِّل درسًا (بمعرفه أو رقمه أو اسم ملفه)؛ مرِّر الأوامر عبر أنبوب لوضع السكربت
cli-help-lesson-run-step = ابدأ من الخطوة N (الخطوات قبلها تُشغَّل إجاباتها النموذجية بصمت)
cli-about-lesson-check = تحقَّق من ملفات الدروس وشغِّل إجاباتها النموذجية على الخادم المدمج
cli-about-lesson-new = اكتب هيكل درس مع تعليقات في NAME.md
cli-about-lesson-reset = انسَ التقدم في درس واحد، أو في كل الدروس مع --all
cli-about-lesson-export = اكتب تقدمك في FILE
cli-about-lesson-import = ادمج التقدم من FILE (الذي كتبه export)
cli-about-ctl = اسأل خادم مختبر يعمل (maillab serve) عبر نقطة التحكم
cli-help-ctl-server = نقطة التحكم في خادم المختبر، HOST أو HOST:PORT (المنفذ 1080 افتراضيًا)
cli-help-ctl-token = رمز المعلم (يطبعه maillab serve)
cli-help-ctl-login = حساب بريدك، لترى جلساتك أنت فقط
cli-help-ctl-password = كلمة المرور لـ --login
cli-about-ctl-stats = إحصاءات كل بروتوكول (البايتات، الأوامر، الذهاب والعودة)؛ --json: كل جلسة، بإصدار
cli-about-ctl-users = كل حساب مع صناديق البريد والرسائل والبايتات (للطالب: حسابه وحده)
cli-about-ctl-reset = أعِد البريد إلى ما بدأ به الخادم (أو آخر ما حُمِّل): لمستخدم واحد أو للجميع. صناديق البريد المتغيرة تأخذ UIDVALIDITY جديدًا؛ والجلسات فيها تُغلق
cli-help-ctl-reset-user = بريد هذا المستخدم فقط
cli-about-ctl-snapshot = احفظ بريد كل المستخدمين باسم NAME (وعلى القرص أيضًا مع serve --data)
cli-about-ctl-restore = أرجِع لقطة البريد NAME المحفوظة (UID والعلامات كما كانت)
cli-about-ctl-load = استبدل البريد ببيانات جاهزة (بالصيغ التي يقبلها --fixture)؛ وreset يعود إليها
cli-about-ctl-deliver = سلِّم ملف رسالة إلى INBOX لمستخدم، كما يفعل SMTP
cli-help-ctl-deliver-to = المستخدم (أو العنوان) الذي تُسلَّم إليه
cli-about-watch = تابع جلسات خادم مختبر يعمل مباشرة، مع الشرح كما في الـREPL
cli-help-watch-server = نقطة التحكم في خادم المختبر، HOST أو HOST:PORT (المنفذ 1080 افتراضيًا)
cli-help-watch-token = رمز المعلم (يطبعه maillab serve)
cli-help-watch-login = حساب بريدك، لترى جلساتك أنت فقط
cli-help-watch-password = كلمة المرور لـ --login
cli-help-watch-user = جلسات هذا المستخدم فقط
cli-help-watch-protocol = جلسات هذا البروتوكول فقط (imap أو pop3 أو smtp)
cli-help-watch-session = هذه الجلسة فقط
cli-heading-usage = الاستخدام:
cli-heading-commands = الأوامر
cli-heading-options = الخيارات
cli-heading-arguments = المعاملات
cli-note-default = [الافتراضي: { $value }]
cli-note-values = [القيم الممكنة: { $values }]
cli-flag-help = اطبع المساعدة
cli-flag-version = اطبع الإصدار
cli-generated-help_subcommand = اطبع هذه الرسالة أو مساعدة الأوامر الفرعية المذكورة
cli-help-serve-tls_names = أضِف اسمًا (اسم مضيف أو عنوان IP) إلى شهادة المختبر، ليتحقق منها العملاء على شبكة المختبر (يتكرر)
cli-help-serve-tls_fault = قدِّم شهادة فيها عيب، موقعة من CA المختبر نفسها: expired، أو wrong-host (تسمي wrong-host.maillab.test وحده)
cli-help-serve-fault_seed = البذرة لقواعد الأعطال `random P% ACTION`: البذرة نفسها وخطوات العميل نفسها تعطي الأعطال نفسها
cli-help-lesson-run-server = شغِّل الدرس على خادم المختبر هذا (maillab serve)، HOST أو HOST:PORT لنقطة التحكم فيه؛ حسابك يأخذ مكان alex في الدرس
cli-help-lesson-run-port_offset = إزاحة المنافذ في خادم المختبر (الافتراضي: منفذ التحكم ناقص 80، وإلا 1000)
cli-help-lesson-run-ports_file = ملف المنافذ لخادم المختبر (serve --ports-file) بدل نظام المنافذ
cli-help-lesson-run-user = حساب بريدك على خادم المختبر
cli-help-lesson-run-password = كلمة المرور له (تُطلب في الطرفية إن لم تُعطَ)
cli-about-ctl-progress = التقدم في الدروس: الطلاب × الدروس (الخطوات المنجزة، المحاولات، التلميحات، آخر نشاط)؛ --json: كل خطوة، بإصدار
cli-about-ctl-clientX2DXconfig = الإعدادات التي يحتاجها عميل البريد (الخوادم، المنافذ، الحماية، CA)؛ --thunderbird: ملف autoconfig XML لـ Thunderbird
cli-about-ctl-faults = أعطال خادم المختبر أثناء التشغيل: add RULE (سطر من --faults)، أو list، أو clear
cli-help-ctl-faults-rule = القاعدة، مع add: [user=NAME] [from=IP] LISTENER COMMAND WHEN ACTION

## lab CA names
tls-ca_renewed_for_names = لم تكن سلطة شهادات المختبر تشمل { $names }: صُنعت سلطة جديدة تشملها قيود أسمائها. على العملاء أن يثقوا بالسلطة الجديدة (يكتبها serve --ca-out)؛ فالقديمة لم تعد تتحقق من هذا الخادم.
