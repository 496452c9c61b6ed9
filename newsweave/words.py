"""Closed word lists and text folding that several stages share, each defined once.

Lists here are generic English news vocabulary (titles, offices, number words), never words of
one story. A module that needs a variant builds it from these (`TITLES` is honorifics, offices
and the words that stand before a name with them), so two lists cannot drift apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter
from typing import Any

import regex
from unidecode import unidecode

# Courtesy titles before a name ("Mr Tan"): they single out a person, never an office.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "madam", "sir", "mdm"})
# Courtesy and honorary titles of Malaysia, Brunei and Indonesia that stand before a name
# ("Datuk Seri X"); like "Mr", part of no one's name.
HONORARY_TITLES = frozenset({"datuk", "dato", "datin", "seri", "tun", "tunku", "puan",
                             "encik", "haji", "hajjah", "pehin",
                             # forms of address ("YAB Dato' Seri X": the Right Honourable)
                             "yab", "yb", "ybhg"})
# Offices many people hold at once: "MP X" and "MP Y" are two MPs, not one post disputed.
SHARED_OFFICES = frozenset({
    "mp", "senator", "representative", "lawmaker", "legislator", "councillor", "councilor",
    "councilman", "councilwoman", "officer", "inspector", "judge", "justice", "prosecutor",
    "attorney", "lecturer", "professor", "manager", "executive", "editor", "spokesman",
    "spokeswoman", "spokesperson", "envoy", "consul", "coach", "magistrate", "commander",
    "general", "colonel", "captain", "director", "minister"})
# Office nouns a title can be headed by. Why a closed list: the words the parser chains before
# a name also hold name parts and places ("Ng Chee Meng", "Johor Bahru"); only a title whose
# head is an office can exclude another. Generic, non-national office words only; words that
# are also given names ("Prince", "King", "Dean") are left out (see `TITLES`).
OFFICES = frozenset({
    "president", "minister", "premier", "chancellor", "mayor", "governor", "senator",
    "secretary", "director", "chairman", "chairwoman", "chairperson", "chair", "ceo", "cfo",
    "coo", "commissioner", "judge", "justice", "prosecutor", "attorney", "ambassador",
    "spokesman", "spokeswoman", "spokesperson", "leader", "head", "chief", "commander",
    "general", "colonel", "captain", "officer", "inspector", "superintendent", "sheriff",
    "principal", "professor", "lecturer", "manager", "treasurer", "speaker", "councillor",
    "councilor", "councilman", "councilwoman", "representative", "mp", "lawmaker",
    "legislator", "executive", "coach", "bishop", "archbishop", "consul", "envoy", "auditor",
    "controller", "comptroller", "registrar", "provost", "rector", "editor", "administrator",
    "magistrate"})
# Words that make a post the second to another of the same name: a deputy mayor is not the
# mayor. "junior", "senior", "associate" and "chief" are left out: a junior senator is a
# senator, an associate justice a justice.
RANK_WORDS = frozenset({"deputy", "vice", "assistant", "under", "lieutenant", "lt", "sub"})
# Military ranks are shortened in later references ("Lt. Gen." becomes "Gen."): a rank word
# on one side is not evidence of a second post there.
MILITARY = frozenset({"general", "colonel", "commander", "captain", "admiral", "major",
                      "sergeant"})
# Modifiers that say a role is not (or no longer) one person's alone.
ROLE_QUALIFIERS = frozenset({"former", "ex", "late", "then", "acting", "interim", "outgoing",
                             "incoming", "another", "other", "fellow"})
# Past, future or shared posts: they do not say what a person is now, alone.
QUALIFIERS = ROLE_QUALIFIERS | frozenset({
    "elect", "designate", "presumptive", "nominee", "candidate", "hopeful", "retired",
    "emeritus", "previous", "past", "onetime", "erstwhile", "caretaker", "co", "joint", "would",
    "future"})
# Every word that may stand before a name as (part of) a title, dropped when a name is
# normalised ("Governor Smith's" -> "Smith"): honorifics, offices, ranks, their short forms,
# royal titles and the portfolio words of the commonest posts. Rank words that open company
# names ("Under Armour", "Major League") are left out.
TITLES = HONORIFICS | OFFICES | frozenset({
    "deputy", "vice", "assistant", "lieutenant", "lt", "gov", "gen", "sen", "rep", "col",
    "capt", "sgt", "prof", "king", "queen", "prince", "prime", "foreign", "defense", "defence",
    "lawyer", "comrade", "sergeant", "admiral", "rear", "associate", "the"})

# Short forms of offices and ranks that stand only before a person's name ("PM Wong", "DPM
# Heng", "MOS Gan" for a minister of state, "Comm X" for a police commissioner), never alone
# as a name: like a courtesy title, each makes the name after it a person's. Entity names
# only (`entity_forms.NAME_TITLES`); quote speakers keep `TITLES`.
OFFICE_SHORT_FORMS = frozenset({"pm", "dpm", "mos", "sms", "ncmp", "nmp", "comm", "supt",
                                "insp", "cpl", "maj", "adm", "cdr", "brig"})
# Determiners that open a span at a sentence's head ("This Lunar New Year", "Every Monday"):
# no part of the name after them. "All", "Our" and "The" are left out: they open names ("All
# Nippon Airways", "Our Reka Hub"; "the" is among `TITLES`).
DETERMINERS = frozenset({"this", "that", "these", "those", "every", "each"})

NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "twenty"])}
NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
                     "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100",
                     "dozen": "12"})
# "SINGAPORE –", "SINGAPORE, Jan 23 —": a place in capitals opening a report, then a dash
# (the brief drops it from a statement; entities from a name the recogniser ran it into).
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,[^–—]{1,20})?\s[–—-]\s")
# Verbs of saying and telling: a statement's attribution, not the event it reports.
REPORTING = {"say", "report", "tell", "accord", "state", "add", "announce", "claim", "write",
             "quote", "cite", "show", "publish", "confirm", "describe", "indicate", "note",
             # Speeches and posts recur: outlets date the quote they use, not one event.
             "speak", "post", "comment", "remark", "reiterate", "stress", "highlight",
             "assure", "reassure", "warn", "urge", "explain", "insist", "inform"}
WORD = re.compile(r"\w+")
# Month names and their short forms, folded ("sept" included): never part of a name.
MONTH_WORDS = frozenset({
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec"})
# Words skipped when spelling a name's initials ("Bank of England": BE or BOE).
INITIALS_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "s"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Head nouns of the names of places, buildings and bodies: a name ending in one ("X Airport",
# "X Line", "X Holdings") is never a person, whatever the small recogniser says (it tags
# little-known local names as people). Why a closed list: the recogniser's label is the only
# other signal and it is the one that is wrong here; these are generic English nouns, each the
# usual last word of such names. Nouns that are also common surnames ("Hall", "Church",
# "Banks", "Lane", "Park", "Court", "Bay", "Post") are left out: "Ji-sung Park" is a person.
FACILITY_HEADS = frozenset({
    "airport", "terminal", "station", "interchange", "line", "expressway", "highway",
    "street", "road", "avenue", "drive", "boulevard", "bridge", "tunnel", "checkpoint",
    "port", "harbour", "harbor", "parks", "garden", "gardens", "reservoir", "stadium",
    "arena", "hospital", "clinic", "school", "academy", "campus", "museum", "library",
    "mall", "plaza", "market", "centre", "center", "hotel", "resort", "tower", "towers",
    "building", "complex", "mosque", "temple", "cathedral", "prison", "camp", "base",
    "restaurant", "cafe", "bakery", "patisserie", "chocolaterie", "eatery", "bistro",
    "kitchen"})
ORGANISATION_HEADS = frozenset({
    "university", "college", "institute", "polytechnic", "council", "ministry",
    "department", "agency", "authority", "commission", "committee", "board", "bureau",
    "office", "tribunal", "parliament", "party", "association", "federation",
    "foundation", "society", "union", "club", "league", "company", "co", "corp",
    "corporation", "inc", "ltd", "limited", "llc", "plc", "bhd", "pte", "group", "holdings",
    "bank", "airlines", "airways", "force", "forces", "service", "services", "police",
    "army", "navy", "network", "news", "times", "press", "daily", "weekly", "magazine",
    "journal", "herald", "tribune", "gazette"})
PLACE_HEADS = frozenset({
    "district", "province", "county", "prefecture", "region", "city", "town", "village",
    "estate", "island", "islands", "river", "lake", "valley", "zone", "constituency", "ward",
    # Group and single-member constituencies, the electoral units of a Singapore election.
    "grc", "smc"})
# Facility heads of things that are only ever places, never a body that acts ("X Road",
# "X Line", "X Station"): whatever label the recogniser gave such a name (it calls roads and
# rail lines organisations, streets towns), it is a facility. Heads of institutions that are
# also bodies ("X Hospital", "X School", "X Hotel") are left out: an organisation is a fair
# type for those. "ave" and "rd" are the short forms news copy writes in street names.
ROUTE_HEADS = frozenset({
    "airport", "terminal", "station", "interchange", "line", "expressway", "highway",
    "street", "road", "avenue", "ave", "rd", "drive", "boulevard", "bridge", "tunnel",
    "checkpoint", "reservoir", "depot", "stadium", "mall", "plaza", "tower", "towers",
    "mosque", "temple", "cathedral"})
# Head nouns of the names of laws and treaties ("Control of Supplies Act", "Paris Agreement")
# and of government schemes and programmes ("Baby Bonus Scheme", "Proximity Housing Grant"):
# named things, but neither a person, a place nor an organisation, which is what the
# recogniser calls them. Such a name is typed LAW or PROGRAMME whatever the recogniser said.
# "fund" is left out ("International Monetary Fund" is a body), so is "convention" (an event
# as often as a treaty).
LAW_HEADS = frozenset({"act", "bill", "charter", "code", "constitution", "treaty", "ordinance",
                       "statute", "agreement", "accord", "accords"})
# Head nouns of the names of goods on sale and of weapons ("Kumquat Pineapple Tarts", "Gift
# Set", "X Limited Edition", "X-18 missile"): products, which the recogniser calls bodies,
# people or places. None is a common surname.
PRODUCT_HEADS = frozenset({
    "tart", "tarts", "cookie", "cookies", "cake", "cakes", "biscuit", "biscuits", "pastries",
    "snaps", "hamper", "hampers", "set", "box", "bundle", "edition", "missile", "missiles",
    "rocket", "rockets", "drone", "drones", "smartphone",
    # Dishes and foods on sale ("Crispy Pork Floss Roll", "Tie Guan Yin Loaf Slice"). Words
    # that also end the names of shops ("X Coffee", "X Tea", "X Bakery") are left out.
    "roll", "rolls", "bun", "buns", "balls", "pastry", "loaf", "slice", "slices", "sauce",
    "soup", "juice", "paste", "gelato", "dumplings", "pie", "pies", "mooncake", "mooncakes",
    "chocolates", "truffles", "macarons", "crackers", "collection"})
# Head nouns of the names of events ("Phnom Penh Cocktail Festival", "National Day Rally",
# "Singapore Air Show"), which the recogniser calls places, bodies or facilities. Heads that
# also end the names of bodies or venues are left out: "games" (Epic Games), "forum" (East Asia
# Forum), "expo" (a hall), "cup", "parade" (a place), "week" and "awards".
EVENT_HEADS = frozenset({"festival", "carnival", "rally", "election", "elections", "show",
                         "airshow", "summit", "championship", "championships", "tournament",
                         "marathon", "concert", "ceremony", "gala", "olympics"})
# What names a ship: a prefix ("MV X", "M/V X", "USS X", "HMS X") or a vessel noun right before
# the name ("the bulker X", "the tanker X"). "carrier" is left out: airlines are carriers.
VESSEL_PREFIXES = frozenset({"mv", "m/v", "m.v.", "uss", "hms", "hmas", "hmcs", "hmnzs", "rss",
                             "kri", "ins"})
VESSEL_NOUNS = frozenset({"vessel", "ship", "warship", "bulker", "tanker", "freighter",
                          "destroyer", "frigate", "submarine", "yacht", "cruiser", "trawler",
                          "containership", "boat"})
# Common nouns that stand right before the name of a body to say what it is ("non-profit
# organisation X", "home-grown brand X", "news outlet X"): the name after one is no person's.
BODY_NOUNS = frozenset({"organisation", "organization", "company", "firm", "charity", "agency",
                        "brand", "startup", "outlet", "newspaper", "portal", "website",
                        "publication", "broadcaster", "retailer", "platform", "app", "bakery",
                        "restaurant", "cafe", "eatery", "chain"})
# What is posted or kept on a social platform or an app ("a Facebook post", "TikTok user X",
# "his Instagram account"): a name qualifying one of these nouns names a platform, never a
# person ("a Tan post" is no way to say Mr Tan's post), and "posted on X" names one too.
PLATFORM_NOUNS = frozenset({
    "post", "posts", "user", "users", "account", "accounts", "page", "pages", "video", "videos",
    "channel", "channels", "feed", "handle", "profile", "profiles", "livestream", "reel",
    "reels", "story", "stories", "thread", "threads", "followers", "subscribers", "app",
    "influencer", "influencers", "creator", "creators", "group", "chat", "chats"})
# Verbs of posting: "on", "via" or "to" after one names a platform ("posted on X", "uploaded
# to X"). Verbs that also take a topic after "on" ("comment", "write", "reply") are left out.
PLATFORM_VERBS = frozenset({"post", "repost", "share", "upload", "publish", "stream",
                            "livestream", "announce", "trend", "circulate", "broadcast"})
# Words that open the name of a road in Malay and Indonesian ("Jalan X", "Lorong 4 X").
ROUTE_LEADS = frozenset({"jalan", "jln", "lorong", "lebuh", "persiaran", "lebuhraya"})
PROGRAMME_HEADS = frozenset({
    "scheme", "programme", "program", "package", "grant", "allowance", "voucher", "vouchers",
    "subsidy", "subsidies", "rebate", "rebates", "credit", "credits", "levy", "initiative",
    "incentive", "policy", "plan", "strategy", "leave"})


# Scripts written without spaces between words (Chinese, Japanese): one character, one word.
UNSPACED_SCRIPTS = r"\p{Han}\p{Hiragana}\p{Katakana}"
UNSPACED = regex.compile(rf"[{UNSPACED_SCRIPTS}]")
WORD_TOKEN = regex.compile(rf"[{UNSPACED_SCRIPTS}]|[^\s{UNSPACED_SCRIPTS}]+")
# Those characters and the punctuation touching them: what is left splits into words at spaces.
UNSPACED_AND_MARKS = regex.compile(
    rf"[{UNSPACED_SCRIPTS}]|(?<=[{UNSPACED_SCRIPTS}])\p{{P}}+|\p{{P}}+(?=[{UNSPACED_SCRIPTS}])")


def count_words(text: str) -> int:
    """Words for the length rules: space-separated tokens, and in scripts written without
    spaces (Chinese, Japanese) each character, the punctuation between them not counted."""
    return len(UNSPACED.findall(text)) + len(UNSPACED_AND_MARKS.sub(" ", text).split())


def folded_words(text: str) -> list[str]:
    """Words folded to ASCII lower case; periods inside abbreviations go ("U.S." reads as
    "US")."""
    return WORD.findall(unidecode(text).lower().replace(".", ""))


def fold(text: str) -> str:
    """ASCII, lower case, no outer spaces: the form words are compared in."""
    return unidecode(text).lower().strip()


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported on first use: importing them loads spaCy (0.5 s)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


# Adjectives that place a thing in time or pick the leading ones without narrowing what is
# ranked or counted: "the recent change in leadership is the second" ranks changes in
# leadership; "the top three sectors" are three sectors (superlatives, "the three largest
# banks", are read alike: `compare.number_slots.narrowing`; used by `compare.ordinal_slots` too).
UNNARROWING = {"recent", "latest", "new", "current", "last", "previous", "past", "top"}


# Currency words and codes; the signs are spaCy's `is_currency`. Plurals are read through
# the lemma.
CURRENCY_WORDS = {
    "dollar", "cent", "euro", "pound", "penny", "pence", "yen", "yuan", "renminbi", "rmb",
    "rupee", "ringgit", "baht", "won", "peso", "franc", "rupiah", "dong", "rand", "naira",
    "shilling", "riyal", "dirham", "dinar", "lira", "krona", "krone", "zloty", "ruble",
    "rouble", "hryvnia", "real", "shekel", "taka", "kyat", "peseta", "mark", "buck", "grand",
    "usd", "sgd", "eur", "gbp", "jpy", "cny", "inr", "myr", "aud", "cad", "hkd", "chf",
}
# A sign inside a token ("S$", "US$5", "RM7,800", "Rs500").
CURRENCY_MARK = re.compile(r"[$€£¥₹₩₽₺₦]|^(?:RM|Rs|Rp)\d")


PERCENT_WORDS = {"percent", "cent", "pct", "percentage", "percentages"}  # "per cent"


def has_percent(tokens: Any) -> bool:
    """A percent sign or word among the tokens ("45%", "45 per cent", "three percentage
    points")."""
    return any(t.lower_ in PERCENT_WORDS or "%" in t.text for t in tokens)


def has_currency(tokens: Any) -> bool:
    """A currency among the tokens: a sign (spaCy's `is_currency`, or one inside a token),
    a code or a currency word."""
    return any(t.is_currency or CURRENCY_MARK.search(t.text)
               or t.lower_ in CURRENCY_WORDS or t.lemma_.lower() in CURRENCY_WORDS
               for t in tokens)


def text_between(doc: Any, start_char: int, end_char: int) -> str:
    """`doc.text[start_char:end_char]`, read from the tokens that hold those characters:
    `Doc.text` joins every token of the document again on each call, which made a few
    lookups around each name the slowest part of a warm run."""
    start_char = max(start_char, 0)
    first = max(bisect_right(doc, start_char, key=attrgetter("idx")) - 1, 0)
    last = bisect_left(doc, end_char, key=attrgetter("idx"))
    if last <= first:
        return ""
    span = doc[first:last]
    offset = start_char - span.start_char
    return span.text_with_ws[offset:offset + end_char - start_char]
