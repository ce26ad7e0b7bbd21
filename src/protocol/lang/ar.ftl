### maillab's texts in one language, keyed by id (Project Fluent syntax).
### Rust code names a text by its dotted id (imap.code.trycreate); here each "." is
### "-" (see ftl_id in src/protocol/text.rs). { $name } is filled at run time;
### { $count -> [one] ... *[other] ... } picks the language's plural form.
### Keep each text short and plain: a student reads it under the line it explains.
### Another language is another file with the same ids and placeables; ids it
### lacks fall back to English one by one.

## Language: ar

## [imap.cmd]

imap-cmd-capability = اسأل الخادم عن الإمكانات والامتدادات التي يدعمها.
imap-cmd-noop = لا يفعل شيئًا؛ يتيح للخادم إبلاغك بالبريد الجديد وتغيّر العلامات.
imap-cmd-examine = فتح صندوق بريد للقراءة فقط: مثل SELECT لكن لا يتغير شيء ولا يُضبط \Seen.
imap-cmd-create = إنشاء صندوق بريد جديد.
imap-cmd-delete = حذف صندوق بريد وكل الرسائل التي فيه.
imap-cmd-rename = إعادة تسمية صندوق بريد.
imap-cmd-list = عرض صناديق البريد المطابقة لنمط: * تطابق كل شيء، و% تتوقف عند الفاصل الهرمي.
imap-cmd-status = طلب أعداد صندوق بريد (MESSAGES وUNSEEN وUIDNEXT ...) دون فتحه.
imap-cmd-append = إضافة رسالة إلى صندوق بريد؛ تتبعها الرسالة كـ literal {"{"}size{"}"}.
imap-cmd-idle = انتظار أن يدفع الخادم التغييرات (بريد جديد، حذف) لحظة حدوثها؛ أنهِ ذلك بـ DONE.
imap-cmd-close = إغلاق الصندوق مع حذف الرسائل المعلَّمة بـ \Deleted بصمت؛ العودة إلى حالة authenticated.
imap-cmd-search = البحث عن رسائل تطابق معايير؛ الجواب سطر * SEARCH بأرقامها التسلسلية.
imap-cmd-store = تغيير علامات الرسائل: FLAGS يستبدل، +FLAGS يضيف، -FLAGS يزيل؛ .SILENT يمنع إعادة عرضها.
imap-cmd-copy = نسخ رسائل إلى صندوق بريد آخر.
imap-cmd-login = تسجيل الدخول باسم المستخدم وكلمة المرور (تُرسل بدون تشفير ما لم يكن TLS مفعّلًا).
imap-cmd-select = فتح صندوق بريد للقراءة والكتابة؛ يرسل الخادم عدد الرسائل والعلامات والمعرّفات UID.
imap-cmd-logout = إنهاء الجلسة: يرد الخادم بـ BYE ثم OK ثم يغلق الاتصال.
imap-cmd-fetch = جلب بيانات الرسائل: العلامات، الظرف، حقول الرأس، أجزاء نص الرسالة، الحجم، UID ...
imap-cmd-expunge = حذف كل الرسائل المعلَّمة بـ \Deleted نهائيًا؛ يُبلَّغ عن كل حذف بسطر * N EXPUNGE.

## [imap.status]

imap-status-ok_untagged = OK بلا معرف: معلومة من الخادم، وليس نهاية أمر.
imap-status-no_untagged = NO بلا معرف: تحذير من الخادم؛ الأمر الجاري يستمر.
imap-status-bad_untagged = BAD بلا معرف: خطأ لا يعرف الخادم لأي أمر ينتمي (سطر لم يستطع تحليله مثلًا).
imap-status-preauth = تحية PREAUTH: الاتصال مسجَّل الدخول مسبقًا؛ تبدأ في حالة authenticated.
imap-status-bye_logout = BYE ردًّا على LOGOUT: الخادم يودّعك؛ يليه OK الموسوم ثم يُغلق الاتصال.
imap-status-ok_tagged = OK: الرد ذو المعرف الذي ينهي الأمر { $tag } ({ $command }): نجح الأمر.
imap-status-no_tagged = NO: فهم الخادم الأمر { $tag } ({ $command }) لكنه فشل؛ النص يوضح السبب.
imap-status-bad_tagged = BAD: لم يقبل الخادم الأمر { $tag } ({ $command }): أمر مجهول أو صيغة خاطئة أو حالة غير مناسبة.
imap-status-ok_tagged_bare = OK: الرد ذو المعرف الذي ينهي الأمر { $tag }: نجح الأمر.
imap-status-no_tagged_bare = NO: فهم الخادم الأمر { $tag } لكنه فشل؛ النص يوضح السبب.
imap-status-bad_tagged_bare = BAD: لم يقبل الخادم الأمر { $tag }: أمر مجهول أو صيغة خاطئة أو حالة غير مناسبة.
imap-status-greeting = تحية الخادم: أنت متصل ولم تسجّل الدخول بعد. التالي: CAPABILITY أو STARTTLS أو LOGIN.
imap-status-bye = BYE: الخادم على وشك إغلاق الاتصال.

## [imap.why]

imap-why-unknown_command = { $status } لأن الخادم لا يعرف أمرًا اسمه { $command }. اكتب :help لعرض الأوامر.
imap-why-already_logged_in = { $status } لأنك سجّلت الدخول بالفعل: الأمر { $command } صالح فقط قبل المصادقة.
imap-why-syntax = BAD لأن وسائط الأمر { $command } غير صحيحة الصيغة. المتوقع: { $syntax }
imap-why-needs_login = { $status } لأن الأمر { $command } يتطلب تسجيل الدخول: نفّذ LOGIN أولًا.
imap-why-needs_select = { $status } لأن الأمر { $command } يعمل على صندوق بريد مفتوح: نفّذ SELECT أو EXAMINE أولًا.

## [imap.data]

imap-data-capability = قائمة الإمكانات: IMAP4rev1 مع الامتدادات وطرق تسجيل الدخول التي يقدمها الخادم.
imap-data-flags = العلامات المعرّفة في هذا الصندوق: { $flags }.
imap-data-search = وجد SEARCH عدد { $count } رسالة مطابقة: { $numbers } (أرقام تسلسلية، أو UID مع UID SEARCH).
imap-data-search_empty = لم يجد SEARCH أي رسالة مطابقة.
imap-data-status = أعداد صندوق البريد { $mailbox }: { $items }.
imap-data-fetch = بيانات الرسالة رقم { $n }، على شكل أزواج اسم وقيمة:
imap-data-list = صندوق بريد: "{ $name }"، الفاصل الهرمي "{ $delimiter }"، السمات ({ $attributes }).
imap-data-exists = يوجد الآن في صندوق البريد { $n ->
        [zero] لا رسائل
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $n } رسائل
        [many] { $n } رسالة
       *[other] { $n } رسالة
    }.
imap-data-exists_in = يضم { $mailbox } الآن { $n ->
        [zero] لا رسائل
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $n } رسائل
        [many] { $n } رسالة
       *[other] { $n } رسالة
    }.
imap-data-recent = { $n } رسالة "حديثة": وصلت منذ آخر جلسة فتحت هذا الصندوق.
imap-data-expunge = حُذفت الرسالة رقم { $n } نهائيًا؛ تنقص أرقام الرسائل التي بعدها بواحد.

## [imap.code]

imap-code-alert = [ALERT]: رسالة يريد الخادم أن تُعرض للمستخدم كما هي.
imap-code-capability = [CAPABILITY]: قائمة إمكانات الخادم، أُرسلت هنا لتوفير أمر CAPABILITY.
imap-code-permanentflags = [PERMANENTFLAGS { $args }]: العلامات التي يمكنك تغييرها بشكل دائم في هذا الصندوق؛ \* تعني أنه يمكنك إنشاء كلمات مفتاحية جديدة.
imap-code-read_write = [READ-WRITE]: الصندوق مفتوح للقراءة والكتابة: تغييرات العلامات والحذف ستُحفظ.
imap-code-read_only = [READ-ONLY]: الصندوق مفتوح للقراءة فقط (EXAMINE، أو لا صلاحية كتابة).
imap-code-uidvalidity = [UIDVALIDITY { $value }]: معرّفات UID صالحة فقط مع هذا الرقم؛ إذا تغيّر فعلى العميل أن ينسى معرّفات UID المخزنة لديه.
imap-code-unseen = [UNSEEN { $value }]: الرسالة رقم { $value } هي أول رسالة بلا علامة \Seen.
imap-code-nonexistent = [NONEXISTENT]: صندوق البريد (أو الكائن) المذكور غير موجود.
imap-code-alreadyexists = [ALREADYEXISTS]: يوجد بالفعل شيء بهذا الاسم (مثل CREATE لصندوق موجود).
imap-code-trycreate = [TRYCREATE]: صندوق البريد الهدف غير موجود؛ أنشئه بالأمر CREATE ثم أعد المحاولة.
imap-code-uidnext = [UIDNEXT { $value }]: الرسالة التالية التي تضاف إلى هذا الصندوق ستأخذ UID { $value } (أو أكبر).
imap-code-authenticationfailed = [AUTHENTICATIONFAILED]: اسم المستخدم أو كلمة المرور غير صحيحة (لا يحدد الخادم أيهما).

## [imap]

imap-body = بيانات رسالة حجمها { $octets } بايت، مرسلة كـ literal: يقرأ العميل هذا العدد من البايتات بالضبط.

## [smtp.reply]

smtp-reply-221 = 221: الخادم يغلق الاتصال (ردًّا على QUIT).
smtp-reply-235 = 235: نجحت المصادقة؛ يمكنك الآن إرسال البريد بصفتك هذا المستخدم.
smtp-reply-334 = 334: تحدي SASL من الخادم، وهو base64 لـ "{ $decoded }". أجب بسطر base64، أو "*" للإلغاء.
smtp-reply-421 = 421: الخدمة غير متاحة والخادم يغلق الاتصال (إيقاف، أو ضغط، أو انتهاء مهلة).
smtp-reply-450 = 450: صندوق البريد غير متاح حاليًا؛ أعد المحاولة لاحقًا.
smtp-reply-451 = 451: خطأ محلي أثناء المعالجة؛ أُلغي الإجراء، أعد المحاولة لاحقًا.
smtp-reply-500 = 500: خطأ في الصيغة، أمر غير معروف (أو سطر طويل جدًا).
smtp-reply-501 = 501: خطأ في صيغة وسائط الأمر.
smtp-reply-502 = 502: الأمر غير مُنفَّذ في هذا الخادم.
smtp-reply-503 = 503: تسلسل أوامر خاطئ: هذا الأمر غير مسموح في هذه المرحلة من الجلسة.
smtp-reply-530 = 530: تلزم المصادقة (أو TLS) قبل هذا الأمر.
smtp-reply-534 = 534: آلية المصادقة ضعيفة جدًا لهذا الخادم، أو السياسة تتطلب شيئًا آخر (مثل كلمة مرور خاصة بالتطبيق).
smtp-reply-535 = 535: فشلت المصادقة: بيانات الاعتماد غير صحيحة.
smtp-reply-554 = 554: فشلت المعاملة؛ وإن كانت تحية: لا توجد خدمة SMTP هنا.
smtp-reply-220 = 220: تحية الخادم: جاهز لاستقبال EHLO (أو HELO).
smtp-reply-250 = 250: نُفّذ الطلب بنجاح.
smtp-reply-354 = 354: أرسل الرسالة الآن: حقول الرأس ثم سطر فارغ ثم نص الرسالة، وأنهِها بسطر لا يحوي إلا ".".
smtp-reply-550 = 550: لم يُنفَّذ الطلب: صندوق البريد غير متاح (غير موجود أو ممنوع).

## [smtp.why]

smtp-why-data_before_rcpt = { $code } لأنه لم يُقبل أي مستلم بعد: أرسل RCPT TO:<address> واحدًا على الأقل قبل { $command }.
smtp-why-nested_mail = { $code } لأن هناك رسالة قيد الإرسال بالفعل: أكملها، أو نفّذ RSET، قبل MAIL FROM جديد.
smtp-why-unknown_command = { $code } لأن الخادم لا يعرف أمرًا اسمه { $command }. اكتب :help لعرض الأوامر.
smtp-why-needs_ehlo = { $code } لأن الخادم يريد EHLO (أو HELO) قبل { $command }: ابدأ بالتحية.
smtp-why-rcpt_before_mail = { $code } لأن RCPT جاء قبل MAIL FROM: تبدأ كل رسالة بـ MAIL FROM:<address> ثم RCPT TO لكل مستلم.

## [smtp.enh_class]

smtp-enh_class-2 = نجاح
smtp-enh_class-4 = فشل مؤقت (أعد المحاولة لاحقًا)
smtp-enh_class-5 = فشل دائم (لا تكرر الطلب كما هو)

## [smtp.enh.7]

smtp-enh-7-0 = حالة أمن أو سياسة (غالبًا: تلزم المصادقة أو STARTTLS)
smtp-enh-7-1 = التسليم غير مصرّح به، رُفضت الرسالة (مثل رفض الترحيل relay، أو حظر المرسل)
smtp-enh-7-8 = بيانات اعتماد المصادقة غير صحيحة
smtp-enh-7-9 = آلية المصادقة ضعيفة جدًا، أو يطلب الخادم بيانات اعتماد أخرى
smtp-enh-7-0_success = نجحت المصادقة

## [pop3]

pop3-ok = +OK: نجح الأمر.
pop3-err = -ERR: فشل الأمر؛ النص يوضح السبب.
pop3-terminator = سطر لا يحوي إلا ".": نهاية الجواب متعدد الأسطر.
pop3-body = الرسالة ({ $octets } بايت)، مرسلة كجواب متعدد الأسطر: الأسطر التي تبدأ بـ "." تحمل نقطة إضافية يزيلها العميل.
pop3-greeting_apop = تحية الخادم: أنت في حالة authorization. الختم الزمني <...> يعني أن APOP متاح: تسجيل الدخول دون إرسال كلمة المرور (USER وPASS يعملان أيضًا).
pop3-greeting = تحية الخادم: أنت متصل في حالة التفويض (authorization). سجّل الدخول بـ USER ثم PASS.

## [smtp.enh.0]

smtp-enh-0-0 = حالة أخرى أو غير محددة: لا تفاصيل إضافية

## [smtp.enh.1]

smtp-enh-1-0 = حالة عنوان: أمر يتعلق بعنوان (المرسل أو المستلم)
smtp-enh-1-1 = عنوان صندوق الوجهة خاطئ: لا يوجد مستخدم بهذا الاسم عند الوجهة
smtp-enh-1-5 = عنوان الوجهة صالح

## [smtp.enh.5]

smtp-enh-5-1 = أمر غير صالح (غير معروف، أو في غير موضعه)
smtp-enh-5-2 = خطأ في الصيغة

## [smtp.warn]

smtp-warn-cleartext_auth = تحذير: هذا الاتصال بلا TLS، لذا عبرت بيانات الاعتماد بترميز base64 (المقروء لأي أحد) الشبكة. استخدم STARTTLS أو المنفذ 465.

## [smtp.after.ehlo]

smtp-after-ehlo-250 = 250 ردًّا على EHLO: الخادم يحيّيك؛ الأسطر التالية تسرد امتداداته، واحدًا في كل سطر.

## [smtp.after.mail]

smtp-after-mail-250 = قُبل المرسل: بدأت رسالة جديدة. التالي: RCPT TO:<address> لكل مستلم.

## [smtp.after.rcpt]

smtp-after-rcpt-250 = قُبل المستلم. أضف غيره بـ RCPT TO، أو أرسل DATA.

## [smtp.after.data]

smtp-after-data-354 = تفضّل: اكتب الرسالة (حقول الرأس، سطر فارغ، نص الرسالة)؛ سطر لا يحوي إلا "." ينهيها. الأسطر التي تبدأ بـ "." تُضاف لها نقطة.
smtp-after-data-250 = قُبلت الرسالة للتسليم: انتهت المعاملة. ابدأ أخرى بـ MAIL FROM، أو QUIT.

## [smtp.after.quit]

smtp-after-quit-221 = وداعًا: الخادم يغلق الاتصال.

## [smtp.ehlo]

smtp-ehlo-pipelining = PIPELINING: يمكنك إرسال عدة أوامر دون انتظار رد كل منها.
smtp-ehlo-size = SIZE { $value }: أكبر رسالة يقبلها الخادم بالبايت ({ $size }).
smtp-ehlo-starttls = STARTTLS: يمكنك تحويل هذا الاتصال إلى TLS.
smtp-ehlo-auth = AUTH { $value }: آليات SASL التي يمكنك تسجيل الدخول بها.
smtp-ehlo-8bitmime = 8BITMIME: يمكن أن يحوي نص الرسالة بايتات 8-bit (MAIL FROM ... BODY=8BITMIME).
smtp-ehlo-enhancedstatuscodes = ENHANCEDSTATUSCODES: الردود تحمل رمزًا مفصّلًا مثل 5.1.1 بعد الأرقام الثلاثة.

## [imap.warn]

imap-warn-cleartext_login = تحذير: هذا الاتصال بلا TLS، لذا عبرت كلمة المرور الشبكة بدون تشفير لأي مراقب. استخدم STARTTLS أو المنفذ 993.

## [imap.after.login]

imap-after-login-ok = تم تسجيل الدخول: الجلسة الآن في حالة authenticated. افتح صندوق بريد بـ SELECT.
imap-after-login-no = رُفض تسجيل الدخول: اسم مستخدم أو كلمة مرور خاطئة (أو تسجيل الدخول معطّل). ما زلت غير مصادَق.

## [imap.after.select]

imap-after-select-ok = فُتح صندوق البريد: الجلسة الآن في حالة selected؛ تعمل عليه أوامر FETCH وSEARCH وSTORE وغيرها.
imap-after-select-no = فشل SELECT: لا يوجد صندوق بهذا الاسم، أو لا صلاحية. أي صندوق كان مفتوحًا أُغلق الآن (حالة authenticated).

## [imap.after.store]

imap-after-store-ok = تغيّرت العلامات؛ أسطر * FETCH أعلاه تعرض العلامات الجديدة (لا شيء مع .SILENT).

## [imap.after.expunge]

imap-after-expunge-ok = اكتمل الحذف: كل رسالة معلَّمة بـ \Deleted زالت؛ كل سطر * N EXPUNGE أعلاه أبلغ عن واحدة.

## [imap.after.search]

imap-after-search-ok = نهاية SEARCH: سطر * SEARCH أعلاه يسرد أرقام الرسائل المطابقة.

## [imap.after.status]

imap-after-status-ok = نهاية STATUS: سطر * STATUS أعلاه يحوي الأعداد التي طلبتها.

## [imap.after.fetch]

imap-after-fetch-ok = نهاية FETCH: أسطر * FETCH أعلاه تحمل البيانات التي طلبتها.

## [imap.after.logout]

imap-after-logout-ok = اكتمل تسجيل الخروج: الخادم يغلق الاتصال الآن.

## [imap.after.close]

imap-after-close-ok = أُغلق الصندوق؛ حُذفت الرسائل المعلَّمة بـ \Deleted بصمت (دون أسطر EXPUNGE). العودة إلى حالة authenticated.

## [imap.fetch]

imap-fetch-flags = FLAGS { $value }: العلامات المضبوطة على هذه الرسالة (\Seen = مقروءة، \Deleted = معلَّمة للحذف ...).
imap-fetch-uid = UID { $value }: المعرّف الفريد للرسالة في هذا الصندوق؛ يبقى ثابتًا عبر الجلسات ما دام UIDVALIDITY ثابتًا.
imap-fetch-rfc822_size = RFC822.SIZE { $value }: حجم الرسالة بالبايت.
imap-fetch-envelope = ENVELOPE: حقول الرأس محلَّلة: التاريخ، الموضوع، المرسل، الرد إلى، المستلمون، ومعرّف الرسالة.

## [imap.cont]

imap-cont-idle = IDLE يعمل: سيدفع الخادم الآن التغييرات (EXISTS وEXPUNGE وFETCH) لحظة حدوثها. أرسل DONE للإيقاف.
imap-cont-literal = تفضّل: الخادم جاهز لاستقبال بايتات الـ literal التي أعلنت عنها بـ {"{"}N{"}"}.
imap-cont-sasl_decoded = تحدي SASL: هو base64 لـ "{ $decoded }". أجب بردك مرمّزًا بـ base64، أو "*" للإلغاء.

## [pop3.after.user]

pop3-after-user-ok = سُجّل اسم المستخدم؛ أرسل الآن PASS مع كلمة المرور.

## [pop3.after.pass]

pop3-after-pass-ok = تم تسجيل الدخول: صندوق البريد محجوز لك والجلسة في حالة transaction. جرّب STAT أو LIST.
pop3-after-pass-err = فشل تسجيل الدخول: اسم مستخدم أو كلمة مرور خاطئة (أو الصندوق محجوز). ابدأ من جديد بـ USER.

## [pop3.after.stat]

pop3-after-stat-ok = في الصندوق { $first } رسالة، مجموع حجمها { $second } بايت (دون الرسائل المعلَّمة بـ DELE).

## [pop3.after.list]

pop3-after-list-ok_multi = تتبع قائمة الرسائل: سطر لكل رسالة "الرقم الحجم"، ثم ".".

## [pop3.after.retr]

pop3-after-retr-ok = تتبع الرسالة، ثم سطر لا يحوي إلا ".".

## [pop3.after.dele]

pop3-after-dele-ok = عُلّمت الرسالة للحذف؛ تُحذف عند QUIT (وRSET يلغي العلامة).

## [pop3.after.quit]

pop3-after-quit-ok = وداعًا: حُذفت الآن الرسائل المعلَّمة بـ DELE (حالة update)، ويُغلق الاتصال.

## [pop3.data]

pop3-data-list = الرسالة رقم { $first } حجمها { $second } بايت.

## [pop3.why]

pop3-why-needs_login = -ERR لأن الأمر { $command } يتطلب تسجيل الدخول: USER ثم PASS أولًا.

## [pop3.code]

pop3-code-auth = [AUTH]: الفشل سببه بيانات الاعتماد (اسم المستخدم أو كلمة المرور)، لا النظام.
pop3-code-in_use = [IN-USE]: صندوق البريد محجوز لجلسة أخرى (عميل آخر مسجَّل الدخول مثلًا).

## [imap.section]

imap-section-whole = الرسالة كاملة، رأسها ونصها
imap-section-header = رأس الرسالة
imap-section-text = نص الرسالة، دون رأسها
imap-section-header_fields = حقول الرأس { $fields } فقط
imap-section-part = جزء MIME رقم { $part }

## [server.imap]

server-imap-nonexistent_mailbox_does_not_4 = [NONEXISTENT] صندوق البريد "{ $name }" غير موجود (يعرض LIST "" "*" صناديق البريد)

## state names

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
