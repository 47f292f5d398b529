//! The entity panel of a selected mention: which real-world entity it is ("Link to…", a new
//! entity, unlink), that entity's name, aliases and Wikidata id, and tagging every other
//! occurrence of the mention's text.
use super::claim_panel::on_set;
use super::details::{DetailsProps, PanelData};
use super::fields::{field, text_field, value_of, Control, Text};
use super::view::{self, a, el, fixed, raw, text};
use crate::browser::now_iso;
use crate::model::annotation::Annotation;
use crate::model::meta::{fresh_id, match_score, parse_kb_id, Entity, Meta};
use crate::model::order;
use crate::model::state::occurrences;
use crate::model::state::Field;
use crate::model::Action;
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty::Static as S, Listeners};

/// Value of the "Link to…" list that makes a new entity.
const NEW: &str = "\u{1}new";

/// The mentions of entity mention `a`'s entity, and the other untagged whole-word occurrences
/// of its text.
pub fn counted(a: &Annotation, d: &PanelData) -> Counted {
    let anns = &d.annotations;
    let mentions =
        a.entity_ref.as_ref().map_or(0, |e| anns.iter().filter(|m| m.entity_ref.as_ref() == Some(e)).count());
    (mentions, Rc::new(occurrences(&d.doc.text, &d.index, anns, a)))
}

/// What `counted` counts.
pub type Counted = (usize, Rc<Vec<(usize, usize)>>);

/// The entity panel of the selected mention `a` (the details panel drawing it holds its
/// state): whether its counts are `ready` (counted a frame after the panel is drawn), the
/// counts, and why a Wikidata id was refused.
pub fn view(
    p: &DetailsProps,
    a: &Rc<Annotation>,
    ready: bool,
    counted: &Counted,
    kb_error: &UseStateHandle<AttrValue>,
) -> Html {
    let meta = &p.data.meta;
    let (mentions, occurrences) = (counted.0, counted.1.clone());
    let entity = a.entity_ref.as_deref().and_then(|id| meta.entities.iter().find(|e| e.id == id)).cloned();
    // "Link to…": the entities of the mention's label, best match first.
    let candidates: Vec<&Entity> = meta.entities.iter().filter(|e| e.label == a.label).collect();
    let names = order::ranks(&candidates.iter().map(|e| e.name.as_str()).collect::<Vec<_>>());
    let mut ranked: Vec<(u64, &Entity)> = names.into_iter().zip(candidates).collect();
    order::by_key(&mut ranked, |(name, e)| (u64::from(u8::MAX - match_score(e, &a.quote)), *name));
    let mut options: Vec<(AttrValue, AttrValue)> = vec![("".into(), "Link to…".into())];
    options.extend(ranked.iter().map(|(_, e)| (e.id.clone().into(), e.name.clone().into())));
    options.push((NEW.into(), format!("New entity “{}”", a.quote).into()));
    let onlink = {
        let (a, d, meta) = (a.clone(), p.ondispatch.clone(), meta.clone());
        Callback::from(move |id: String| {
            if id.is_empty() {
                return;
            }
            d.emit(link(&a, &meta, &id));
        })
    };
    let onunlink = on_set(&p.ondispatch, &a.id, Field::Entity(None));
    // Edits of the entity itself.
    let edit = |f: fn(&mut Entity, String) -> Result<(), String>| {
        let (d, meta, id, err) = (p.ondispatch.clone(), meta.clone(), a.entity_ref.clone(), kb_error.clone());
        Callback::from(move |v: String| {
            let Some(id) = id.as_deref() else { return };
            let mut meta = meta.clone();
            let list = Rc::make_mut(&mut meta.entities);
            let Some(e) = list.iter_mut().find(|e| e.id == id) else { return };
            match f(e, v) {
                Ok(()) => {
                    err.set(AttrValue::default());
                    d.emit(Action::Commit {
                        update: vec![],
                        remove: vec![],
                        meta: Some(Box::new(meta)),
                        now: now_iso(),
                    });
                }
                Err(why) => err.set(why.into()),
            }
        })
    };
    let more = occurrences.len();
    let ontagall = {
        let (a, d, spans) = (a.clone(), p.ondispatch.clone(), occurrences.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::AddMany {
                spans: (*spans).clone(),
                label: a.label.clone(),
                entity: a.entity_ref.clone(),
                now: now_iso(),
            })
        })
    };
    let tag_all_text = match more {
        _ if !ready => "Tag all occurrences (counting…)".to_string(),
        0 => "No other untagged occurrences".to_string(),
        1 => format!("Tag all occurrences (1 more of “{}”)", a.quote),
        n => format!("Tag all occurrences ({n} more of “{}”)", a.quote),
    };
    html! {
        <section class="entity-panel" aria-label="Entity">
            if let Some(e) = entity.as_ref() {
                { entity_line(e, ready.then_some(mentions), onunlink) }
                { text_field("Entity name", AttrValue::from(e.name.clone()), edit(|e, v| {
                    let v = v.trim();
                    if v.is_empty() { return Err("An entity needs a name.".into()) }
                    e.name = v.to_string();
                    Ok(())
                })) }
                { text_field("Aliases (comma-separated)", AttrValue::from(e.aliases.join(", ")), edit(|e, v| {
                    e.aliases = v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
                    Ok(())
                })) }
                { field("Wikidata id".into(), AttrValue::from(e.kb_id.clone()),
                    Control::Text(Text { placeholder: "Q42".into(), error: (**kb_error).clone(), ..Text::default() }),
                    value_of(edit(|e, v| { e.kb_id = parse_kb_id(&v)?; Ok(()) }))) }
            } else {
                { raw(r#"<p class="entity-line muted">Not linked to an entity.</p>"#) }
            }
            { field("Link to…".into(), AttrValue::from(a.entity_ref.clone().unwrap_or_default()), Control::Choice { options, lazy: false }, value_of(onlink)) }
            { el("button", &["type", "disabled"], Box::new([view::a("button"), (!ready || more == 0).then(|| view::a("disabled")).flatten()]), view::onclick(ontagall), vec![tag_all_text.into()]) }
        </section>
    }
}

/// "Entity: name · Wikidata id · n mentions" (the count once counted), and Unlink.
fn entity_line(e: &Entity, mentions: Option<usize>, onunlink: Callback<MouseEvent>) -> Html {
    let kb = if e.kb_id.is_empty() {
        Html::default()
    } else {
        let link = el(
            "a",
            &["href", "target", "rel"],
            Box::new([a(e.kb_url().unwrap_or_default()), a("_blank"), a("noopener noreferrer")]),
            Listeners::None,
            vec![e.kb_id.clone().into()],
        );
        view::list(vec![text(" · "), link])
    };
    let count = match mentions {
        Some(n) => view::list(vec![format!(" · {} mention{}", n, if n == 1 { "" } else { "s" }).into()]),
        None => Html::default(),
    };
    fixed(
        "p",
        &[("class", S("entity-line"))],
        vec![
            text("Entity: "),
            fixed("strong", &[], vec![e.name.clone().into()]),
            kb,
            count,
            text(" "),
            view::button(&[("type", S("button")), ("class", S("link"))], text("Unlink"), onunlink),
        ],
    )
}

/// Link mention `a` to entity `id` (or to a new entity named by it, for `NEW`), its text
/// added to the entity's aliases so that later mentions like it link by themselves.
fn link(a: &Annotation, meta: &Meta, id: &str) -> Action {
    let mut meta = meta.clone();
    let list = Rc::make_mut(&mut meta.entities);
    let target = if id == NEW {
        let id = fresh_id("e", list.iter().map(|e| e.id.as_str()));
        list.push(Entity {
            id: id.clone(),
            name: a.quote.trim().to_string(),
            label: a.label.clone(),
            aliases: vec![],
            kb_id: String::new(),
        });
        id
    } else {
        if let Some(e) = list.iter_mut().find(|e| e.id == id) {
            if !e.is_named(&a.quote) {
                e.aliases.push(a.quote.clone());
            }
        }
        id.to_string()
    };
    let mut after = a.clone();
    after.entity_ref = Some(target);
    Action::Commit { update: vec![after], remove: vec![], meta: Some(Box::new(meta)), now: now_iso() }
}
