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
imap-cmd-append = إضافة رسالة إلى صندوق بريد؛ تتبع الرسالةُ الأمرَ نصًا حرفيًا (literal) {"{"}size{"}"}.
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
