//! The word lists the rules read (all lower-case).

/// Reporting verbs: a speaker as subject, the claim as what is said.
#[rustfmt::skip]
pub(super) const VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "tell", "claimed", "claims", "noted", "notes", "added", "adds", "stated",
    "states", "argued", "argues", "insisted", "insists", "warned", "warns", "explained", "explains", "announced",
    "announces", "declared", "declares", "wrote", "writes", "asserted", "asserts", "maintained", "maintains",
    "stressed", "stresses", "emphasised", "emphasized", "emphasises", "emphasizes", "highlighted", "highlights",
    "underlined", "underlines", "acknowledged", "acknowledges", "admitted", "admits", "denied", "denies", "alleged",
    "alleges", "suggested", "suggests", "predicted", "predicts", "promised", "promises", "vowed", "vows", "pledged",
    "pledges", "urged", "urges", "replied", "replies", "responded", "responds", "tweeted", "tweets", "posted",
    "posts", "reported", "reports", "confirmed", "confirms", "revealed", "reveals", "disclosed", "discloses",
    "estimated", "estimates", "found", "finds", "concluded", "concludes", "believes", "asked", "asks", "countered",
    "counters", "observed", "remarked", "commented", "conceded", "concedes", "contended", "contends", "recalled",
    "complained", "complains", "cautioned", "cautions", "forecast", "forecasts", "projected", "projects", "agreed",
    "agrees", "accused", "accuses",
];

/// Nouns in "X's claim that …".
#[rustfmt::skip]
pub(super) const CLAIM_NOUNS: &[&str] = &[
    "claim", "claims", "assertion", "statement", "insistence", "argument", "allegation", "warning", "suggestion",
    "contention", "belief", "promise", "pledge", "prediction", "assurance", "denial", "view", "remark", "comments",
];

/// Words that end the stretch between a reporting verb and the claim: the claim is then in
/// another clause.
#[rustfmt::skip]
pub(super) const BREAKERS: &[&str] = &[
    "and", "but", "or", "while", "because", "although", "though", "whereas", "if", "unless", "after", "before",
    "when", "so", "yet", "who", "which", "where", "whom", "whose", "since", "until",
];

/// Adverbs and auxiliaries between a subject and its verb ("has also said", "famously noted").
#[rustfmt::skip]
pub(super) const ADVERBS: &[&str] = &[
    "has", "had", "have", "also", "later", "then", "once", "again", "already", "did", "does", "would", "will",
    "could", "might", "may", "never", "not", "previously", "repeatedly", "recently", "reportedly", "publicly",
    "privately", "earlier", "first", "often",
];

/// "the …" nouns standing for a person.
#[rustfmt::skip]
pub(super) const PERSON_ROLES: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "minister", "president", "official", "senator", "mayor", "chancellor",
    "secretary", "governor", "premier", "chairman", "chairwoman", "ceo", "prosecutor", "ambassador", "commissioner",
    "lawmaker", "congressman", "congresswoman", "judge", "coach", "manager", "economist", "leader", "founder",
];

/// "the …" nouns standing for an organisation.
#[rustfmt::skip]
pub(super) const ORG_ROLES: &[&str] = &[
    "company", "ministry", "firm", "group", "bank", "agency", "government", "department", "regulator", "organisation",
    "organization", "party", "union", "airline", "retailer", "lender", "carrier", "broadcaster", "watchdog",
    "council", "commission", "club", "insurer", "automaker", "carmaker", "manufacturer", "startup", "charity",
    "network", "office",
];

/// Capitalised words that open a sentence without being part of a name.
#[rustfmt::skip]
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "with", "by", "from", "of", "to",
    "as", "after", "before", "when", "while", "meanwhile", "however", "also", "this", "that", "these", "those", "its",
    "his", "her", "their", "our", "my", "then", "now", "still", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "breaking", "speaking",
];

/// Titles before a name ("Finance Minister Nirmala Sitharaman" names "Nirmala Sitharaman").
#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "president", "vice",
    "prime", "minister", "secretary", "chancellor", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "governor", "gov", "mayor", "attorney", "judge", "justice", "chief", "ceo", "chairman",
    "chairwoman", "chair", "director", "king", "queen", "prince", "princess", "pope", "sheikh", "ambassador",
    "commissioner", "spokesperson", "spokesman", "spokeswoman", "leader", "deputy", "premier", "coach", "manager",
    "captain", "cardinal", "archbishop", "bishop", "sergeant", "sgt", "detective", "inspector", "superintendent",
    "constable", "gen", "col", "lt", "capt",
];

/// Words that are titles only after another title ("Attorney General", "Chief Executive Officer").
#[rustfmt::skip]
pub(super) const LATE_TITLES: &[&str] = &[
    "general", "executive", "officer", "operating", "financial",
];

/// Lower-case words inside a name ("Bank of England", "Ursula von der Leyen").
#[rustfmt::skip]
pub(super) const CONNECTORS: &[&str] = &[
    "of", "for", "de", "del", "della", "der", "den", "van", "von", "bin", "bint", "al", "la", "le", "du", "da", "dos",
];

/// Prepositions before a place rather than a speaker ("officials in Beijing").
#[rustfmt::skip]
pub(super) const PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "of", "for", "with", "on", "by", "to", "near", "across", "inside", "outside",
];

/// True when `list` holds `word`.
pub(super) fn is(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}
