//! Who can have said a claim, among the article's annotations: which labels' mentions can be
//! speakers, the speaker suggested from a claim's sentence and the one before, the speaker
//! list of the claim panel, and what taking a suggestion does.
use super::claim_panel::with_speaker;
use crate::browser::now_iso;
use crate::formats::claimreview::is_organization;
use crate::model::annotation::Annotation;
use crate::model::labels::{self, Label};
use crate::model::order::Names;
use crate::model::speaker::{self, Mention, Speaker, Suggestion, Who};
use crate::model::{Action, Document, TextIndex};
use std::rc::Rc;
use yew::AttrValue;

/// Whether mentions of label `id` can be speakers, and as what.
pub fn who(labels: &[Label], id: &str) -> Option<Who> {
    labels::find(labels, id).and_then(label_who)
}

fn label_who(l: &Label) -> Option<Who> {
    if l.kind != crate::model::Kind::Entity {
        return None;
    }
    let name = l.name.to_ascii_lowercase();
    if is_organization(&l.id) || name.starts_with("organi") {
        Some(Who::Organization)
    } else if l.id == "PERSON" || name.starts_with("person") || name.starts_with("people") {
        Some(Who::Person)
    } else {
        None
    }
}

/// The labels whose mentions can be speakers (a few: looked up per annotation).
fn speaker_labels(labels: &[Label]) -> Vec<(&str, Who)> {
    labels.iter().filter_map(|l| Some((l.id.as_str(), label_who(l)?))).collect()
}

/// The article's people and organisations within the suggestion's reach of `[start, end)`.
fn mentions(anns: &[Rc<Annotation>], labels: &[Label], start: usize, end: usize) -> Vec<Mention> {
    let kinds = speaker_labels(labels);
    let who = |label: &str| kinds.iter().find(|(id, _)| *id == label).map(|(_, w)| *w);
    let near = |a: &Annotation| a.overlaps(start.saturating_sub(speaker::REACH), end + speaker::REACH);
    let m = |a: &Rc<Annotation>| Some(Mention { id: a.id.clone(), start: a.start, end: a.end, who: who(&a.label)? });
    anns.iter().filter(|a| near(a)).filter_map(m).collect()
}

/// The suggested speaker of `claim`, from its sentence and the one before.
pub fn suggestion(
    anns: &[Rc<Annotation>],
    labels: &[Label],
    (doc, index): (&Document, &TextIndex),
    claim: &Annotation,
) -> Option<Suggestion> {
    speaker::suggest_in(&doc.text, index, claim.start, claim.end, &mentions(anns, labels, claim.start, claim.end))
}

/// The speaker list: the article's people and organisations, each name once (the chosen
/// mention standing for its name). With `all` false, only what the list shows closed: "no
/// speaker" and the chosen mention (the whole list is a look at every annotation, some
/// milliseconds at book length: the panel draws it a frame after it first shows).
pub fn speaker_options(
    anns: &[Rc<Annotation>],
    labels: &[Label],
    chosen: Option<&str>,
    all: bool,
) -> Vec<(AttrValue, AttrValue)> {
    let kinds = speaker_labels(labels);
    let mut out: Vec<(AttrValue, AttrValue)> = vec![("".into(), "No speaker chosen".into())];
    let chosen_mention = chosen.and_then(|id| anns.iter().find(|m| m.id == id));
    let chosen_text = chosen_mention.map(|m| m.quote.as_str());
    let is_speaker = |m: &&Rc<Annotation>| kinds.iter().any(|(id, _)| *id == m.label);
    if !all {
        out.extend(chosen_mention.filter(is_speaker).map(|m| (m.id.clone().into(), m.quote.clone().into())));
        return out;
    }
    let speakers: Vec<&Rc<Annotation>> = anns.iter().filter(is_speaker).collect();
    let firsts = Names::new(speakers.iter().map(|m| m.quote.as_str())).firsts();
    for (m, first) in speakers.iter().zip(firsts) {
        let is_chosen = chosen == Some(m.id.as_str());
        if is_chosen || (Some(m.quote.as_str()) != chosen_text && first) {
            out.push((m.id.clone().into(), m.quote.clone().into()));
        }
    }
    out
}

/// The action that takes suggestion `s` for `claim`.
pub fn accept(claim: &Annotation, s: &Suggestion, labels: &[Label]) -> Option<Action> {
    match &s.speaker {
        Speaker::Mention(id) => Some(with_speaker(claim, Some(id.clone()), s.name.clone())),
        Speaker::New { start, end } => {
            let person = labels.iter().find(|l| who(labels, &l.id) == Some(Who::Person))?;
            Some(Action::AddSpeaker {
                claim: claim.id.clone(),
                start: *start,
                end: *end,
                label: person.id.clone(),
                now: now_iso(),
            })
        }
    }
}

/// The suggested speaker of claim `a` (none once it has a speaker, or for a mention).
pub fn suggested(
    a: &Annotation,
    anns: &[Rc<Annotation>],
    labels: &[Label],
    text: (&Document, &TextIndex),
) -> Option<Suggestion> {
    let c = a.claim.as_ref()?;
    if c.speaker.is_some() || !c.speaker_text.is_empty() {
        return None;
    }
    suggestion(anns, labels, text, a)
}
