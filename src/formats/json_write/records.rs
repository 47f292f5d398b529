//! The records beside the annotations (labels, entities, the rating scale, relations,
//! deletions, the document part, undo history, the library index), each written as serde_json
//! writes the type's `Serialize` form.
use super::{annotation, first, key, number, string, text};
use crate::formats::native_read::KINDS;
use crate::model::annotation::{Annotation, Deleted, Evidence, Relation};
use crate::model::history::{Edit, History};
use crate::model::labels::Label;
use crate::model::library::{DocEntry, Library};
use crate::model::meta::{Entity, Meta, Rating};
use std::rc::Rc;

/// A value this writer appends as JSON.
pub trait Json {
    fn write(&self, out: &mut String);
}

/// The JSON text of `value`.
pub fn to_string<T: Json + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write(&mut out);
    out
}

impl Json for str {
    fn write(&self, out: &mut String) {
        string(out, self)
    }
}

impl Json for String {
    fn write(&self, out: &mut String) {
        string(out, self)
    }
}

impl Json for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" })
    }
}

impl Json for usize {
    fn write(&self, out: &mut String) {
        number(out, *self)
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Json> Json for [T] {
    fn write(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write(out);
        }
        out.push(']');
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, out: &mut String) {
        self.as_slice().write(out)
    }
}

impl<T: Json + ?Sized> Json for Rc<T> {
    fn write(&self, out: &mut String) {
        (**self).write(out)
    }
}

impl<T: Json + ?Sized> Json for &T {
    fn write(&self, out: &mut String) {
        (**self).write(out)
    }
}

impl Json for Annotation {
    fn write(&self, out: &mut String) {
        annotation(out, self, None)
    }
}

impl Json for Evidence {
    fn write(&self, out: &mut String) {
        first(out, "url");
        string(out, &self.url);
        text(out, "note", &self.note);
        out.push('}');
    }
}

impl Json for Label {
    fn write(&self, out: &mut String) {
        first(out, "id");
        string(out, &self.id);
        text(out, "name", &self.name);
        text(out, "kind", KINDS[self.kind as usize]);
        text(out, "color", &self.color);
        text(out, "key", &self.key);
        out.push('}');
    }
}

impl Json for Entity {
    fn write(&self, out: &mut String) {
        first(out, "id");
        string(out, &self.id);
        text(out, "name", &self.name);
        text(out, "label", &self.label);
        key(out, "aliases");
        self.aliases.write(out);
        text(out, "kb_id", &self.kb_id);
        out.push('}');
    }
}

impl Json for Rating {
    fn write(&self, out: &mut String) {
        first(out, "id");
        string(out, &self.id);
        text(out, "name", &self.name);
        key(out, "value");
        number(out, self.value as usize);
        out.push('}');
    }
}

impl Json for Relation {
    fn write(&self, out: &mut String) {
        first(out, "id");
        string(out, &self.id);
        text(out, "type", &self.kind);
        text(out, "from", &self.from);
        text(out, "to", &self.to);
        out.push('}');
    }
}

impl Json for Deleted {
    fn write(&self, out: &mut String) {
        first(out, "id");
        string(out, &self.id);
        text(out, "at", &self.at);
        out.push('}');
    }
}

impl Json for Meta {
    fn write(&self, out: &mut String) {
        first(out, "labels");
        self.labels.write(out);
        key(out, "entities");
        self.entities.write(out);
        key(out, "scale");
        self.scale.write(out);
        if !self.orphans.is_empty() {
            key(out, "orphans");
            self.orphans.write(out);
        }
        out.push('}');
    }
}

/// serde's form of an enum: an object whose one key names the variant.
impl Json for Edit {
    fn write(&self, out: &mut String) {
        let pair = |out: &mut String, name: &str, a: &dyn Json, b: &dyn Json| {
            first(out, name);
            out.push('[');
            a.write(out);
            out.push(',');
            b.write(out);
            out.push(']');
        };
        match self {
            Edit::Add(a) => {
                first(out, "Add");
                a.write(out);
            }
            Edit::Remove(a) => {
                first(out, "Remove");
                a.write(out);
            }
            Edit::Change(a, b) => pair(out, "Change", a, b),
            Edit::Batch(edits) => {
                first(out, "Batch");
                edits.write(out);
            }
            Edit::Meta(a, b) => pair(out, "Meta", a, b),
        }
        out.push('}');
    }
}

impl Json for History {
    fn write(&self, out: &mut String) {
        let (undo, redo) = self.lists();
        first(out, "undo");
        undo.write(out);
        key(out, "redo");
        redo.write(out);
        out.push('}');
    }
}

impl Json for DocEntry {
    fn write(&self, out: &mut String) {
        first(out, "id");
        string(out, &self.id);
        text(out, "title", &self.title);
        text(out, "source", &self.source);
        key(out, "entities");
        number(out, self.entities);
        key(out, "claims");
        number(out, self.claims);
        key(out, "length");
        number(out, self.length);
        text(out, "modified", &self.modified);
        text(out, "exported", &self.exported);
        text(out, "sha256", &self.sha256);
        key(out, "size");
        number(out, self.size);
        out.push('}');
    }
}

impl Json for Library {
    fn write(&self, out: &mut String) {
        first(out, "current");
        self.current.write(out);
        key(out, "documents");
        self.documents.write(out);
        out.push('}');
    }
}
