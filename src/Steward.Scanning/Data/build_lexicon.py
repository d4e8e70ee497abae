#!/usr/bin/env python3
"""Rebuilds lexicon.tsv from the three upstream word lists (see NOTICE.md).

Usage: python3 build_lexicon.py <dir with ldnoobw_en.txt, surge_profanity_en.csv, dsojevic_en.json> > lexicon.tsv

The upstream lists are written for chat moderation; a school district's posts are full of words those
lists flag by mistake (graduation "cum laude", the "Negro Leagues", "breast cancer awareness",
"garden hoe", "Peter", "Wang", "BBC", "homo sapiens"). EXCLUDE removes them; REVIEW marks words that
are vulgar but not obscene enough to block outright. Entries with digits or symbols are dropped: the
scanner undoes leetspeak (sh1t, a$$, f*ck) itself, so the plain spelling is enough.
"""
import csv, json, re, sys

EXCLUDE = set("""
sex sexual sexually sexuality intercourse escort domination butt suck sucks erotic erotism lolita mong poof scat
snatch spunk twinkie undressing xx hard core hardcore tied up tight white big black girl on taste my tongue in a
how to kill how to murder jelly donut swinger santorum bastinado eunuch negro haji hajji hadji jesus christ chri st
jesus christ hell bloody booty peter finger crow crows sheet forked nuggets sack swine tart dolt cooties buttermilk
hustler knob bates abbie aboe dong wang dipstick weenie weiner diddle ramrod nonce greaser dix scut sperm bbc bwc
cum cumming cums tit homo queer rectum breasts breast muff cack crotchy sissy shat spanking caca cajones
coot crazy sob finger bender flamer feg fick focker fook feck coolie cholo dago dagos bean queen gin jockey cracker
crackers jap kraut krauts wog wogs raghead pikey nutten genitals pubes semen anus vulva vagina penis
clitoris nipple nipples urethra play punany quim figging goodpoop guro shota omorashi nawashi kinbaku sexo
lovemaking sadism voyeur dommes bung hole booty call viagra cialis playboy strip club panties panty
rape raping rapist date rape daterape incest swastika svastika suastika spastic retard retarded mound of venus
venus mound tranny twink fanny bugger damn crap god damn goddamn piss off pissed off anal arse nude nudity
sodomy sodomize dirty pillows pleasure chest suicide girls sultry women tainted love wrapping men hot chick
eat my ass rosy palm chocolate rosebuds clover clamps leather restraint leather straight jacket violet wand
prince albert piercing blonde action brunette action foot fetish deep throat baby juice baby batter ball gravy
""".split("\n"))
EXCLUDE = {w.strip() for line in EXCLUDE for w in [line] if w.strip()}
EXCLUDE = set()  # rebuilt below from the word-per-line form
EXCLUDE_WORDS = """sex sexual sexually sexuality intercourse escort domination butt suck sucks erotic erotism lolita
mong poof scat snatch spunk twinkie undressing xx hardcore swinger santorum bastinado eunuch negro haji hajji hadji
jesus christ hell bloody booty peter finger crow crows sheet forked nuggets sack swine tart dolt cooties buttermilk
hustler knob bates abbie aboe dong wang dipstick weenie weiner diddle ramrod nonce greaser dix scut sperm bbc bwc cum
cums tit homo queer rectum breasts breast muff cack crotchy sissy shat spanking caca cajones coot bender flamer
feg fick focker fook feck coolie cholo dago dagos cracker crackers kraut krauts pikey nutten genitals pubes semen
anus vulva vagina penis clitoris nipple nipples quim figging goodpoop guro shota omorashi nawashi kinbaku sexo
lovemaking sadism voyeur dommes playboy panties panty viagra cialis fanny dingleberry dingleberries bangbus
xxx nsfw nambla pthc camgirl skeet smut grope ecchi hentai yaoi yiffy kinky bimbos busty juggs hooker horny
cumming bater dipshat jailbait cooter coon coons darkie jap wog wogs enby cishet gaysian transbian bicon
spook spooks pansy mongrel jigger jiggs nig tard hermie leso collared collaring fingered fingering fisted dipsea
bellesa bareback barenaked cornhole ponyboy spick twink""".split()
EXCLUDE_PHRASES = ["hard core", "tied up", "tight white", "big black", "girl on", "taste my", "tongue in a",
    "how to kill", "how to murder", "jelly donut", "crazy sob", "bean queen", "gin jockey", "gin jocky",
    "bung hole", "mound of venus", "venus mound", "dirty pillows", "pleasure chest", "suicide girls",
    "sultry women", "tainted love", "wrapping men", "hot chick", "rosy palm", "chocolate rosebuds",
    "clover clamps", "leather restraint", "leather straight jacket", "violet wand", "prince albert piercing",
    "blonde action", "brunette action", "blonde on blonde action", "foot fetish", "baby juice", "baby batter",
    "ball gravy", "urethra play", "strip club", "booty call", "big knockers", "huge fat", "double pen",
    "axe wound", "b to the inch", "jail bait", "piss pig", "make me come", "girl on top", "girls gone wild",
    "one guy one jar", "group sex", "phone sex", "gay sex", "china man", "china men", "choke the chicken",
    "muscle mary", "gym bunny", "switch hitter", "brownie king", "brownie queen", "chicken queen", "potato queen",
    "rice queen", "gray queen", "grey queen", "light in the fedora", "light in the loafers", "light in the pants",
    "t girl", "jesus christ", "hickory switch", "boston george", "pony boy", "pony girl", "ball kicking",
    "cream pie", "impact play", "wax play", "lady boy"]
EXCLUDE = set(EXCLUDE_WORDS) | set(EXCLUDE_PHRASES)

# Vulgar rather than obscene: a human reviews these (Discipline §7 "vulgar").
REVIEW = set("""damn crap piss pissed pissing bugger arse anal nude nudity swastika god damn goddamn goddammit
pissoff piss off pissed off jackass dumbass crotch boner bondage rape raping rapist date rape daterape incest
sodomy spastic tosser sod off sodding bellend bell end prick pricks sexy topless tushy threesome humping douche
ejaculate ejaculated ejaculating ejaculation douche bag douchebag""".split("\n"))
REVIEW = {w for line in REVIEW for w in line.split()} | {"god damn", "piss off", "pissed off", "date rape",
    "sod off", "bell end"}
REVIEW -= {"god", "off", "date", "sod", "bell", "end"}

# Slurs and discriminatory terms (Discipline §7) go to Harassment; everything else is Obscene (Content §3).
HARASS_TAGS = {"racial", "lgbtq", "religious"}
HARASS_SURGE = {"racial / ethnic slurs", "sexual orientation / gender", "mental disability",
                "physical disability", "religious offense", "physical attributes", "political"}
HARASS_EXTRA = {"retard", "retarded", "spastic", "nigga", "nigger", "niggers", "niggas", "faggot", "fag", "fags",
                "faggots", "tranny", "shemale", "kike", "spic", "beaner", "beaners", "wetback", "raghead",
                "towelhead", "slanteye", "chink", "gook", "jigaboo", "jiggaboo", "jiggerboo", "paki", "dyke",
                "bulldyke", "nicca", "niccas", "white power", "neonazi", "neo nazi", "honkey", "honky", "golliwog", "carpet muncher"}

# Surge's list is long and loose; take an entry only when it carries one of these stems, or is rated Severe.
CORE = re.compile(r"fuck|shit|cunt|bitch|dick|cock|pussy|nigg|fag|whore|slut|wank|twat|piss|porn|asshole|jizz|"
                  r"dildo|tits|titties|titty|boob|motherf|bastard|bollock|blowjob|handjob|rimjob|cumshot|clit|"
                  r"orgasm|masturb|queef|felch|fellat|cunnil|jackass|dumbass|fatass|smartass|kike|spic|chink|gook|"
                  r"wetback|beaner|retard|tranny|shemale|dyke|skank|douche|schlong|scrotum|prick|bugger|crap|"
                  r"damn|goddam|fck|fuk|fvck|phuck|biatch|beotch|biotch")

OBSCENE_FORCE = re.compile(r"bitch|slut|whore|skank|damn|goddam|ass$|asses$")

def norm(t):
    t = t.strip().lower().replace("-", " ").replace("_", " ")
    return re.sub(r"\s+", " ", t)

def ok(t):
    return bool(re.fullmatch(r"[a-z]+( [a-z]+)*", t)) and len(t) >= 3 and t not in EXCLUDE

entries = {}  # term -> (category, sources)
def add(term, harass, source):
    term = norm(term)
    if not ok(term):
        return
    cat, srcs = entries.get(term, ("Obscene", set()))
    if harass or term in HARASS_EXTRA:
        cat = "Harassment"
    if OBSCENE_FORCE.search(term) and term not in HARASS_EXTRA:
        cat = "Obscene"  # gendered insults and cursing read as vulgarity, not as a slur against a group
    srcs.add(source)
    entries[term] = (cat, srcs)

src = sys.argv[1]
for line in open(f"{src}/ldnoobw_en.txt", encoding="utf-8"):
    add(line, False, "ldnoobw")
for e in json.load(open(f"{src}/dsojevic_en.json", encoding="utf-8")):
    harass = bool(HARASS_TAGS & set(e["tags"]))
    for alt in e["match"].split("|"):
        add(alt.replace("*", ""), harass, "dsojevic")
for row in csv.DictReader(open(f"{src}/surge_profanity_en.csv", encoding="utf-8")):
    t = norm(row["text"])
    if CORE.search(t) or float(row["severity_rating"]) >= 2.5:
        harass = row["category_1"] in HARASS_SURGE
        add(t, harass, "surge")

# Common vulgar words and acronyms the upstream lists lack.
for term, sev in [("wtf", "Block"), ("stfu", "Block"), ("crappy", "Review"), ("badass", "Review"),
                  ("smartass", "Block"), ("dumbass", "Review"), ("pissed", "Review"), ("shitshow", "Block"),
                  # Missed on Davidson's tweets: "hoe(s)" is also a garden tool (lexicon-allow.txt lists the garden
                  # phrases), so a reviewer decides; the others are plurals and spellings the lists lack.
                  ("hoe", "Review"), ("hoes", "Review"), ("hoebag", "Block"), ("thot", "Block"), ("thots", "Block"),
                  ("pussies", "Block"), ("nicca", "Block"), ("niccas", "Block"),
                  ("ahole", "Block"), ("screw you", "Review"), ("screw them", "Review"),
                  # Missed on the fifth held-out set: a minced oath and a transposed spelling.
                  ("effing", "Review"), ("effin", "Review"), ("fcuk", "Block"), ("fcuking", "Block"), ("fcuked", "Block"),
                  # Missed on the seventh held-out set.
                  ("piss", "Review"), ("piss poor", "Review"), ("fml", "Review")]:
    add(term, False, "steward")
    REVIEW.discard(term)
    if sev == "Review":
        REVIEW.add(term)

print("# category\tseverity\tterm\tsources   (generated by build_lexicon.py, then kept by hand; see NOTICE.md)")
for term in sorted(entries):
    cat, srcs = entries[term]
    sev = "Review" if term in REVIEW else "Block"
    print(f"{cat}\t{sev}\t{term}\t{','.join(sorted(srcs))}")
