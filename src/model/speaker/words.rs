//! The word lists the rules read (all lower-case), each one string of words separated by single
//! spaces (a table of string references would cost more of the download than the words).

/// Reporting verbs: a speaker as subject, the claim as what is said.
pub(super) const VERBS: &str =
    "said says say told tells tell claimed claims noted notes added adds stated states argued argues \
    insisted insists warned warns explained explains announced announces declared declares wrote \
    writes asserted asserts maintained maintains stressed stresses emphasised emphasized emphasises \
    emphasizes highlighted highlights underlined underlines acknowledged acknowledges admitted \
    admits denied denies alleged alleges suggested suggests predicted predicts promised promises \
    vowed vows pledged pledges urged urges replied replies responded responds tweeted tweets posted \
    posts reported reports confirmed confirms revealed reveals disclosed discloses estimated \
    estimates found finds concluded concludes believes asked asks countered counters observed \
    remarked commented conceded concedes contended contends recalled complained complains cautioned \
    cautions forecast forecasts projected projects agreed agrees accused accuses";

/// Nouns in "X's claim that …".
pub(super) const CLAIM_NOUNS: &str =
    "claim claims assertion statement insistence argument allegation warning suggestion contention \
    belief promise pledge prediction assurance denial view remark comments";

/// Words that end the stretch between a reporting verb and the claim: the claim is then in
/// another clause.
pub(super) const BREAKERS: &str =
    "and but or while because although though whereas if unless after before when so yet who which \
    where whom whose since until";

/// Adverbs and auxiliaries between a subject and its verb ("has also said", "famously noted").
pub(super) const ADVERBS: &str =
    "has had have also later then once again already did does would will could might may never not \
    previously repeatedly recently reportedly publicly privately earlier first often";

/// "the …" nouns standing for a person.
pub(super) const PERSON_ROLES: &str =
    "spokesperson spokesman spokeswoman minister president official senator mayor chancellor \
    secretary governor premier chairman chairwoman ceo prosecutor ambassador commissioner lawmaker \
    congressman congresswoman judge coach manager economist leader founder";

/// "the …" nouns standing for an organisation.
pub(super) const ORG_ROLES: &str =
    "company ministry firm group bank agency government department regulator organisation \
    organization party union airline retailer lender carrier broadcaster watchdog council commission \
    club insurer automaker carmaker manufacturer startup charity network office";

/// Capitalised words that open a sentence without being part of a name.
pub(super) const FUNCTION_WORDS: &str =
    "the a an but and or so yet in on at for with by from of to as after before when while meanwhile \
    however also this that these those its his her their our my then now still monday tuesday \
    wednesday thursday friday saturday sunday breaking speaking";

/// Titles before a name ("Finance Minister Nirmala Sitharaman" names "Nirmala Sitharaman").
pub(super) const TITLES: &str =
    "mr mrs ms miss dr prof professor sir dame lord lady rev president vice prime minister secretary \
    chancellor senator sen rep representative congressman congresswoman governor gov mayor attorney \
    judge justice chief ceo chairman chairwoman chair director king queen prince princess pope \
    sheikh ambassador commissioner spokesperson spokesman spokeswoman leader deputy premier coach \
    manager captain cardinal archbishop bishop sergeant sgt detective inspector superintendent \
    constable gen col lt capt";

/// Words that are titles only after another title ("Attorney General", "Chief Executive Officer").
pub(super) const LATE_TITLES: &str = "general executive officer operating financial";

/// Lower-case words inside a name ("Bank of England", "Ursula von der Leyen").
pub(super) const CONNECTORS: &str = "of for de del della der den van von bin bint al la le du da dos";

/// Prepositions before a place rather than a speaker ("officials in Beijing").
pub(super) const PREPOSITIONS: &str = "in at from of for with on by to near across inside outside";

/// True when `list` holds `word`.
pub(super) fn is(list: &str, word: &str) -> bool {
    list.split(' ').any(|w| w == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_words_separated_by_single_spaces() {
        let all = [
            VERBS,
            CLAIM_NOUNS,
            BREAKERS,
            ADVERBS,
            PERSON_ROLES,
            ORG_ROLES,
            FUNCTION_WORDS,
            TITLES,
            LATE_TITLES,
            CONNECTORS,
            PREPOSITIONS,
        ];
        for list in all {
            assert!(list.split(' ').all(|w| !w.is_empty() && w == w.to_lowercase()), "{list}");
            assert!(!list.contains("  ") && !list.starts_with(' ') && !list.ends_with(' '), "{list}");
        }
        assert!(is(VERBS, "said") && is(VERBS, "accuses") && !is(VERBS, "sai") && !is(VERBS, ""));
    }
}
