//! Mounts the app.
fn main() {
    yew::Renderer::<article_annotator::components::App>::new().render();
}
