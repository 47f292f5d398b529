//! Mounts the app: the stored document is read in one task, drawn in the next, and only its
//! first screen laid out for the first frame.
use article_annotator::browser::{dom, mark, page, picture};
use article_annotator::components;

fn main() {
    components::boot::start(|| {
        // The picture of the screen the reader left, shown while the code came, goes as the
        // app's first render takes its place, in the same task (see `picture`).
        let pictured = picture::take_down();
        yew::Renderer::<components::App>::new().render();
        page::far_off(components::article::reach());
        // The first frame drawn after this task, which ends with the first render (the
        // scheduler renders the whole tree before it yields): when the first screen shows
        // (unless the picture showed it already). Marked as the benchmark's static pages mark
        // theirs, two animation frames after their text is in the page. (Effects can run a
        // task after that frame: "aa:mounted".)
        dom::after_paint(move || mark(if pictured { "aa:live" } else { "aa:painted" }));
    });
}
