//! The first paint (issue 14): the top of `/repay/:oid`, `/extend/:oid` and
//! `/`, drawn from the read `index.html` starts early, before the app's wasm
//! has arrived, with the app's own domain code (`cashgo-core`: decoders,
//! money, days, badges) and catalogs (`locales/*.json`, read at build time).
//!
//! A plain wasm module, no wasm-bindgen: `index.html`'s inline script waits
//! for the early read, the early `config.json` and this module, gathers what
//! the app would decide the page from (address, language signals, clock) into
//! one text ([`Input`]), calls [`paint`] and builds the elements it returns
//! (a tree of plain data, `html.rs`: no markup is parsed) as
//! `<div id="paint">` at the start of `<body>`. The app removes it when it
//! draws the page (`src/components/loader.rs`); `style/main.css` lays it out
//! as the app's own nodes and hides the app's until then.
//!
//! It paints nothing unless it is sure of every figure: any failure, any
//! reply the app would not show as the page (logged out, `-100`, HTML, a
//! timeout, malformed JSON, an unknown status), a language only the server
//! could decide, or an early read that is not exactly the request the app
//! would send. It never takes the early read: the app still does, once.

mod catalog;
mod html;
mod input;
mod view;

#[cfg(test)]
mod tests;

pub use input::Input;

/// What to paint for this input: the page's language code, a newline, then
/// `<div id="paint">…</div>` as `html.rs`'s tree; `None` to paint nothing.
pub fn paint(input: &str) -> Option<String> {
    let page = Input::parse(input)?.page()?;
    Some(view::render(&page))
}

#[cfg(target_arch = "wasm32")]
mod bump {
    //! The module runs once per page load and frees nothing worth keeping:
    //! a bump allocator (a few dozen bytes of code) instead of std's
    //! dlmalloc (about 7 KB). Memory grows by whole pages and is never
    //! given back; the instance is dropped with the page.
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::Cell;

    const PAGE: usize = 65_536;

    pub struct Bump {
        next: Cell<usize>,
        end: Cell<usize>,
    }

    // SAFETY: wasm32-unknown-unknown without threads: one thread only.
    unsafe impl Sync for Bump {}

    #[global_allocator]
    static ALLOCATOR: Bump = Bump {
        next: Cell::new(0),
        end: Cell::new(0),
    };

    unsafe impl GlobalAlloc for Bump {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let align = layout.align();
            let size = layout.size();
            let mut start = (self.next.get() + align - 1) & !(align - 1);
            if self.end.get() == 0 || start + size > self.end.get() {
                let pages = (size + align).div_ceil(PAGE);
                let previous = core::arch::wasm32::memory_grow(0, pages);
                if previous == usize::MAX {
                    return std::ptr::null_mut();
                }
                let fresh = previous * PAGE;
                // New pages continue the region unless something else grew memory.
                if self.end.get() != fresh {
                    start = (fresh + align - 1) & !(align - 1);
                }
                self.end.set(fresh + pages * PAGE);
            }
            self.next.set(start + size);
            start as *mut u8
        }

        unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}
    }
}

#[cfg(target_arch = "wasm32")]
mod exports {
    //! The three functions `index.html`'s script calls: [`alloc`] for the
    //! input, [`paint`] (the tree's length, 0 for nothing), [`painted`]
    //! (where the tree is).
    use std::cell::RefCell;

    thread_local! {
        static PAINTED: RefCell<String> = const { RefCell::new(String::new()) };
    }

    /// Room for `len` bytes of input, for [`paint`] to take back.
    #[no_mangle]
    pub extern "C" fn alloc(len: usize) -> *mut u8 {
        let mut buffer = std::mem::ManuallyDrop::new(Vec::<u8>::with_capacity(len));
        buffer.as_mut_ptr()
    }

    /// Paints from the UTF-8 JSON text at `ptr` (from [`alloc`]`(len)`).
    #[no_mangle]
    pub extern "C" fn paint(ptr: *mut u8, len: usize) -> usize {
        // SAFETY: `ptr` comes from `alloc(len)` and the script filled all
        // `len` bytes; the buffer is taken back (and freed) here, once.
        let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
        let tree = String::from_utf8(bytes)
            .ok()
            .and_then(|text| super::paint(&text))
            .unwrap_or_default();
        let len = tree.len();
        PAINTED.with(|p| *p.borrow_mut() = tree);
        len
    }

    /// Where the last [`paint`]'s tree is.
    #[no_mangle]
    pub extern "C" fn painted() -> *const u8 {
        PAINTED.with(|p| p.borrow().as_ptr())
    }
}
