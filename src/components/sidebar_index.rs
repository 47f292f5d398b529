//! The sidebar's entity index (the mentions grouped by entity, with counts; choosing one marks
//! all its mentions in the article) and the claims' filters (speaker, check-worthiness, verdict).
use crate::model::annotation::{Annotation, Worthiness};
use crate::model::labels;
use crate::model::meta::{rating_name, Entity, Rating};
use crate::model::order::Names;
use std::rc::Rc;
use yew::prelude::*;

/// A claim at a glance: speaker, check-worthiness, verdict.
pub fn claim_line(a: &Annotation, scale: &[Rating]) -> Option<String> {
    let c = a.claim.as_ref()?;
    let speaker = if c.speaker_text.is_empty() { "No speaker" } else { c.speaker_text.as_str() };
    let worth = c.worthiness.map_or("Not assessed", Worthiness::name);
    Some(format!("{speaker} · {worth} · {}", rating_name(scale, &c.verdict)))
}

/// Which claims the list shows; an empty field admits all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClaimFilter {
    pub speaker: String,
    pub worthiness: String,
    pub verdict: String,
}

/// The filter value of "no speaker" and "not assessed".
const NONE: &str = "\u{1}none";

impl ClaimFilter {
    pub fn is_active(&self) -> bool {
        *self != ClaimFilter::default()
    }

    /// Whether `a` is listed (anything but a claim is).
    pub fn admits(&self, a: &Annotation) -> bool {
        let Some(c) = a.claim.as_ref() else { return true };
        let is = |want: &str, have: &str| want.is_empty() || want == have || (want == NONE && have.is_empty());
        let worth = c.worthiness.map(worth_id).unwrap_or_default();
        is(&self.speaker, &c.speaker_text) && is(&self.worthiness, worth) && is(&self.verdict, &c.verdict)
    }
}

fn worth_id(w: Worthiness) -> &'static str {
    match w {
        Worthiness::CheckWorthy => "check_worthy",
        Worthiness::NotCheckWorthy => "not_check_worthy",
        Worthiness::NotFactual => "not_factual",
    }
}

/// The claims' speakers, each once and in order (the filter's list), and whether there are
/// claims at all.
pub fn claim_speakers(anns: &[Rc<Annotation>]) -> (bool, Vec<AttrValue>) {
    // (Keyed as the app's other string sorts are, so all of them share one sort.)
    let mut names: Vec<(&str, usize)> = anns
        .iter()
        .filter_map(|a| a.claim.as_ref())
        .map(|c| (c.speaker_text.as_str(), 0))
        .filter(|s| !s.0.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    let any = anns.iter().any(|a| a.claim.is_some());
    (any, names.into_iter().map(|n| AttrValue::from(n.0.to_string())).collect())
}

/// The claims' filters: by speaker (the list from `claim_speakers`), check-worthiness and verdict.
pub fn claim_filters(
    names: &(bool, Vec<AttrValue>),
    scale: &[Rating],
    value: &ClaimFilter,
    onchange: &Callback<ClaimFilter>,
) -> Html {
    if !names.0 {
        return html! {};
    }
    let any = |t: &str| (AttrValue::from(""), AttrValue::from(t.to_string()));
    let mut speakers = vec![any("Any speaker"), (NONE.into(), "No speaker".into())];
    speakers.extend(names.1.iter().map(|n| (n.clone(), n.clone())));
    let mut worth = vec![any("Any worthiness"), (NONE.into(), "Not assessed".into())];
    worth.extend(Worthiness::ALL.iter().map(|w| (AttrValue::from(worth_id(*w)), AttrValue::from(w.name()))));
    let mut verdicts = vec![any("Any verdict")];
    verdicts.extend(scale.iter().map(|r| (AttrValue::from(r.id.clone()), AttrValue::from(r.name.clone()))));
    let set = |f: fn(&mut ClaimFilter, String)| {
        let (value, cb) = (value.clone(), onchange.clone());
        Callback::from(move |v: String| {
            let mut next = value.clone();
            f(&mut next, v);
            cb.emit(next)
        })
    };
    // Compact lists named for screen readers; the first option says what each filters.
    let list = |name: &'static str, options: Vec<(AttrValue, AttrValue)>, value: &str, onchange: Callback<String>| {
        let onchange = super::fields::value_of(onchange);
        let options = options.into_iter().map(|(v, t)| {
            let on = *v == *value;
            html! { <option selected={on} value={v}>{ t }</option> }
        });
        html! { <select aria-label={name} {onchange}>{ for options }</select> }
    };
    html! {
        <div class="claim-filters" role="group" aria-label="Filter claims">
            { list("Filter by speaker", speakers, &value.speaker, set(|f, v| f.speaker = v)) }
            { list("Filter by check-worthiness", worth, &value.worthiness, set(|f, v| f.worthiness = v)) }
            { list("Filter by verdict", verdicts, &value.verdict, set(|f, v| f.verdict = v)) }
        </div>
    }
}

/// Mentions per entity of `entities`, in its order.
pub fn entity_counts(anns: &[Rc<Annotation>], entities: &[Entity]) -> Vec<usize> {
    let ids = Names::new(entities.iter().map(|e| e.id.as_str()));
    let mut counts = vec![0; entities.len()];
    for i in anns.iter().filter_map(|a| ids.first(a.entity_ref.as_deref()?)) {
        counts[i] += 1;
    }
    counts
}

/// The document's entities with their mention counts (from `entity_counts`); pressing one
/// marks its mentions.
pub fn entity_index(p: &super::sidebar::SidebarProps, counts: &[usize]) -> Html {
    let entities = &p.data.meta.entities;
    if entities.is_empty() {
        return html! {};
    }
    let items = entities.iter().zip(counts.iter().copied()).filter(|(_, n)| *n > 0).map(|(e, n)| {
        let label = labels::find(&p.labels, &e.label);
        let color = label.map_or("#8c8c8c", |l| l.color.as_str());
        let pressed = p.marked.as_deref() == Some(e.id.as_str());
        let onclick = {
            let (cb, id) = (p.onmark.clone(), e.id.clone());
            Callback::from(move |_: MouseEvent| cb.emit((!pressed).then(|| id.clone().into())))
        };
        html! {
            <li>
                <button type="button" class="entity-item" style={format!("--c:{color}")} aria-pressed={if pressed { "true" } else { "false" }}
                        title={format!("Mark every mention of {} in the article", e.name)} {onclick}>
                    <span class="swatch" aria-hidden="true"></span>
                    <span class="entity-name">{ e.name.clone() }</span>
                    if !e.kb_id.is_empty() { <span class="entity-kb">{ e.kb_id.clone() }</span> }
                    <span class="count-n" aria-label={format!("{n} mentions")}>{ n }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="group" aria-labelledby="group-people">
            <h2 id="group-people">{ "By entity" }</h2>
            <ul class="entity-index">{ for items }</ul>
        </section>
    }
}
