//! Messages to the user: information in a status region, problems in an alert.
use super::view::{self, fixed, text};
use crate::model::said::Said;
use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static as S;

/// How serious a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// One message. `topic` lets a newer message on the same subject replace an older one.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub topic: &'static str,
    pub level: Level,
    pub text: String,
    /// How many times the same message came (it is shown once, with the count).
    pub repeats: usize,
    /// A button the message offers (its name), e.g. "Undo"; its click is sent as the topic.
    pub action: Option<&'static str>,
}

impl Notice {
    pub fn info(topic: &'static str, text: impl Into<String>) -> Self {
        Notice { topic, level: Level::Info, text: text.into(), repeats: 1, action: None }
    }
    pub fn error(topic: &'static str, text: impl Into<String>) -> Self {
        Notice { level: Level::Error, ..Notice::info(topic, text) }
    }
    /// The same message with a button named `name`.
    pub fn with_action(self, name: &'static str) -> Self {
        Notice { action: Some(name), ..self }
    }
}

/// The messages, errors first; `onaction`: a message's button was pressed (its topic). (Drawn
/// by the App shell as part of its own view: a few elements, not worth a component's code.)
/// `said`: the last action, in words, read out by screen readers from the same status region
/// (keyed by its number: the same words twice are a new element, read twice).
pub fn view(
    notices: &[Notice],
    ondismiss: &Callback<&'static str>,
    onaction: &Callback<&'static str>,
    said: &Said,
) -> Html {
    let list = |level: Level| {
        notices.iter().filter(|n| n.level == level).map(|n| {
            let action = n.action.map(|name| {
                view::button(&[("type", S("button")), ("class", S("notice-action"))], text(name), emit(onaction, n.topic))
            });
            let times = (n.repeats > 1).then(|| fixed("span", &[("class", S("notice-times"))], vec![format!(" (×{})", n.repeats).into()]));
            html! {
                <div ~className={if level == Level::Error { "notice error" } else { "notice info" }}>
                    <span class="notice-text">{ n.text.clone() }{ times }</span>
                    { action }
                    { view::button(&[("type", S("button")), ("class", S("dismiss")), ("aria-label", S("Dismiss message"))], text("×"), emit(ondismiss, n.topic)) }
                </div>
            }
        }).collect::<Html>()
    };
    html! {
        <div class="notices">
            <div role="alert">{ list(Level::Error) }</div>
            <div role="status">
                { list(Level::Info) }
                <span class="visually-hidden" key={said.n}>{ said.text.to_string() }</span>
            </div>
        </div>
    }
}

/// A click handler sending `topic` (one closure for a message's buttons).
fn emit(cb: &Callback<&'static str>, topic: &'static str) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_: MouseEvent| cb.emit(topic))
}

/// The messages on screen. Each new one replaces the one on its topic; an empty text
/// removes it. A reducer, so callbacks made long ago still see the current list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NoticeList(pub Vec<Notice>);

impl Reducible for NoticeList {
    type Action = Notice;
    fn reduce(self: std::rc::Rc<Self>, n: Notice) -> std::rc::Rc<Self> {
        // The same words again (on any topic) are counted, not shown twice.
        if !n.text.is_empty() && n.action.is_none() {
            if let Some(i) = self.0.iter().position(|o| o.text == n.text) {
                let mut next = self.0.clone();
                next[i].repeats += 1;
                return std::rc::Rc::new(NoticeList(next));
            }
        }
        let mut next: Vec<Notice> = self.0.iter().filter(|o| o.topic != n.topic).cloned().collect();
        if !n.text.is_empty() {
            next.push(n);
        }
        if next == self.0 {
            self
        } else {
            std::rc::Rc::new(NoticeList(next))
        }
    }
}
