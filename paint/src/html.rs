//! The painted elements as a tree of plain data, which `index.html`'s
//! script builds with `createElement`, `setAttribute` and text nodes: no
//! markup is ever parsed, so nothing the server sent (an order number, a
//! text) can become an element or an attribute, whatever it holds.
//!
//! The tree is JSON: an element is `["tag", ["name", "value", …], child…]`
//! and a child is an element or a string (a text node).

/// The tree under construction, as JSON text.
pub struct Html {
    out: String,
    /// Whether the next node is the first of its parent (no comma before it).
    first: bool,
}

impl Html {
    /// A tree whose root is the next element opened.
    pub fn new() -> Html {
        Html {
            out: String::new(),
            first: true,
        }
    }

    fn separate(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    /// An element `tag` with these attributes; its children follow until
    /// `close`.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.separate();
        self.out.push('[');
        quote_into(&mut self.out, tag);
        self.out.push_str(",[");
        for (i, (name, value)) in attrs.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            quote_into(&mut self.out, name);
            self.out.push(',');
            quote_into(&mut self.out, value);
        }
        self.out.push(']');
        self
    }

    /// The end of the element opened last (`tag` is for the reader).
    pub fn close(&mut self, _tag: &str) -> &mut Self {
        self.out.push(']');
        self.first = false;
        self
    }

    /// A text node (none for an empty text).
    pub fn text(&mut self, text: &str) -> &mut Self {
        if !text.is_empty() {
            self.separate();
            quote_into(&mut self.out, text);
        }
        self
    }

    /// An element holding one text.
    pub fn element(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    pub fn into_string(self) -> String {
        self.out
    }
}

/// `text` as a JSON string.
fn quote_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_of_plain_data() {
        let mut html = Html::new();
        html.open("div", &[("id", "paint")])
            .element(
                "p",
                &[("title", "\"><script>")],
                "<img src=x onerror=alert(1)>",
            )
            .element("b", &[], "")
            .text("a\\b\n\u{1}")
            .close("div");
        let tree = html.into_string();
        assert_eq!(
            tree,
            r#"["div",["id","paint"],["p",["title","\"><script>"],"<img src=x onerror=alert(1)>"],["b",[]],"a\\b\u000a\u0001"]"#
        );
        // What the script's JSON.parse reads.
        let value: serde_json::Value = serde_json::from_str(&tree).expect("JSON");
        assert_eq!(value[2][1][1], "\"><script>");
        assert_eq!(value[4], "a\\b\n\u{1}");
    }
}
