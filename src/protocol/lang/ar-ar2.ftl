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

pop3-after-uidl-ok = للرسالة { $first } المعرف الفريد { $second }.
pop3-after-uidl-ok_multi = تتبع قائمة المعرفات الفريدة: سطر لكل رسالة "الرقم المعرف"، ثم ".".
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
pop3-data-uidl = للرسالة { $first } المعرف الفريد { $second }؛ ويبقى المعرف نفسه من جلسة إلى أخرى.

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
pop3-shape-unique_id = بعد UIDL { $first }: للرسالة { $first } المعرف الفريد { $second }، ويبقى نفسه من جلسة إلى أخرى.
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
serve-faults_bad_line = ملف الأعطال، السطر { $line }: المتوقع LISTENER COMMAND WHEN (reply TEXT | drop)، والموجود: { $text }
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
server-pop3-unique_id_listing_follows = تتبع قائمة المعرفات الفريدة
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
