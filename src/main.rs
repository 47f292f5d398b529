//! Mounts the app.
fn main() {
    article_annotator::browser::bench::install_if_asked();
    yew::Renderer::<article_annotator::components::App>::new().render();
}
