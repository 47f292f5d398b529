//! Mounts the app: the stored document is read in one task, drawn in the next, and only its
//! first screen laid out for the first frame.
use article_annotator::{browser::page, components};

fn main() {
    components::persist::start(|| {
        yew::Renderer::<components::App>::new().render();
        page::far_off(components::article::reach());
    });
}
