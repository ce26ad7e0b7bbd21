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
