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
        [0] لا رسالة عليها \Deleted
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
