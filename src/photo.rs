//! A photo as the phone took it, made fit to send on a weak link: checked
//! before any byte leaves, decoded with its orientation applied, and, when
//! large, drawn at most [`MAX_SIDE`] px on its longest side and encoded as
//! JPEG. The original never leaves the phone unless it is already small.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap, ImageBitmapOptions,
    ImageOrientation,
};

/// Longest side of a photo as sent, in pixels.
pub const MAX_SIDE: u32 = 1600;
/// JPEG quality of a downscaled photo.
const QUALITY: f64 = 0.8;
/// A photo at most this big (and at most [`MAX_SIDE`]) goes as it is.
const SMALL_BYTES: f64 = 1_000_000.0;
/// Larger files are refused before reading them (no phone photo is).
pub const MAX_PICK_BYTES: f64 = 30_000_000.0;

/// Why a chosen file can't be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a JPEG, PNG, WebP or HEIC photo.
    NotImage,
    /// Bigger than [`MAX_PICK_BYTES`].
    TooLarge,
    /// An image this browser can't decode (e.g. HEIC on Android).
    Unreadable,
}

/// The types the picker offers (`accept`).
pub const ACCEPT: &str =
    "image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif";

/// Whether a file of this type and name may be a photo we take. Phones
/// sometimes send no type: the extension decides then.
pub fn acceptable(mime: &str, name: &str) -> bool {
    let mime = mime.trim().to_ascii_lowercase();
    if !mime.is_empty() {
        return matches!(
            mime.as_str(),
            "image/jpeg" | "image/jpg" | "image/png" | "image/webp" | "image/heic" | "image/heif"
        );
    }
    let name = name.to_ascii_lowercase();
    let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
    matches!(extension, "jpg" | "jpeg" | "png" | "webp" | "heic" | "heif")
}

/// The size a photo is drawn at: at most [`MAX_SIDE`] on the longest side,
/// the proportions kept, never enlarged, never zero.
pub fn fitted(width: u32, height: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= MAX_SIDE {
        return (width.max(1), height.max(1));
    }
    let scale = |side: u32| {
        let scaled = u64::from(side) * u64::from(MAX_SIDE) / u64::from(longest);
        u32::try_from(scaled).unwrap_or(MAX_SIDE).max(1)
    };
    (scale(width), scale(height))
}

/// A photo ready to send, and its decoded picture (for the preview).
pub struct Prepared {
    pub blob: Blob,
    pub file_name: String,
    pub picture: ImageBitmap,
}

/// Checks, decodes and (when large) downscales a chosen file.
pub async fn prepare(file: &web_sys::File) -> Result<Prepared, Refusal> {
    if !acceptable(&file.type_(), &file.name()) {
        return Err(Refusal::NotImage);
    }
    if file.size() > MAX_PICK_BYTES {
        return Err(Refusal::TooLarge);
    }
    let picture = decode(file).await.ok_or(Refusal::Unreadable)?;
    let (width, height) = (picture.width(), picture.height());
    let small = width.max(height) <= MAX_SIDE
        && file.size() <= SMALL_BYTES
        && matches!(
            file.type_().as_str(),
            "image/jpeg" | "image/png" | "image/webp"
        );
    if small {
        return Ok(Prepared {
            blob: file.clone().into(),
            file_name: file.name(),
            picture,
        });
    }
    let blob = encode(&picture, fitted(width, height))
        .await
        .ok_or(Refusal::Unreadable)?;
    Ok(Prepared {
        blob,
        file_name: jpeg_name(&file.name()),
        picture,
    })
}

/// A photo's name once it is a JPEG.
fn jpeg_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = if stem.trim().is_empty() {
        "photo"
    } else {
        stem
    };
    format!("{stem}.jpg")
}

/// Decodes an image with its EXIF orientation applied.
pub async fn decode(blob: &Blob) -> Option<ImageBitmap> {
    let window = web_sys::window()?;
    let options = ImageBitmapOptions::new();
    options.set_image_orientation(ImageOrientation::FromImage);
    let promise = window
        .create_image_bitmap_with_blob_and_image_bitmap_options(blob, &options)
        // Browsers without the options still decode (and most rotate).
        .or_else(|_| window.create_image_bitmap_with_blob(blob))
        .ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

fn canvas(width: u32, height: u32) -> Option<(HtmlCanvasElement, CanvasRenderingContext2d)> {
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    Some((canvas, context))
}

/// Draws `picture` at `size` and encodes it as JPEG.
async fn encode(picture: &ImageBitmap, (width, height): (u32, u32)) -> Option<Blob> {
    let (canvas, context) = canvas(width, height)?;
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            picture,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .ok()?;
    let mut settle = None;
    let encoded = Promise::new(&mut |resolve, _reject| settle = Some(resolve));
    let settle = settle?;
    // `toBlob` always calls back (with null on failure).
    let done = Closure::once_into_js(move |blob: JsValue| {
        let _ = settle.call1(&JsValue::NULL, &blob);
    });
    canvas
        .to_blob_with_type_and_encoder_options(
            done.unchecked_ref(),
            "image/jpeg",
            &JsValue::from(QUALITY),
        )
        .ok()?;
    JsFuture::from(encoded).await.ok()?.dyn_into().ok()
}

/// Draws `picture` into `target` (the preview), fitted in its box.
pub fn draw_preview(target: &HtmlCanvasElement, picture: &ImageBitmap) {
    let side = target.width().max(1);
    let (width, height) = (picture.width().max(1), picture.height().max(1));
    let longest = width.max(height);
    let w = f64::from(width) * f64::from(side) / f64::from(longest);
    let h = f64::from(height) * f64::from(side) / f64::from(longest);
    // At most `side` by construction.
    target.set_width(w.round().max(1.0) as u32);
    target.set_height(h.round().max(1.0) as u32);
    if let Some(context) = target
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    {
        let _ = context.draw_image_with_image_bitmap_and_dw_and_dh(picture, 0.0, 0.0, w, h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_known_by_type_or_else_by_name() {
        for (mime, name) in [
            ("image/jpeg", "x"),
            ("IMAGE/PNG", "x"),
            ("image/webp", "x"),
            ("image/heic", "IMG_0001.HEIC"),
            ("", "recibo.JPG"),
            ("", "foto.heif"),
        ] {
            assert!(acceptable(mime, name), "{mime} {name}");
        }
        for (mime, name) in [
            ("application/pdf", "recibo.jpg"),
            ("text/plain", "a.txt"),
            ("image/svg+xml", "a.svg"),
            ("image/gif", "a.gif"),
            ("", "recibo.pdf"),
            ("", "jpg"),
            ("", ""),
        ] {
            assert!(!acceptable(mime, name), "{mime} {name}");
        }
    }

    #[test]
    fn large_photos_fit_in_1600_keeping_proportions() {
        assert_eq!(fitted(4000, 3000), (1600, 1200));
        assert_eq!(fitted(3000, 4000), (1200, 1600));
        assert_eq!(fitted(4032, 3024), (1600, 1200));
        assert_eq!(fitted(1600, 900), (1600, 900));
        assert_eq!(fitted(800, 600), (800, 600));
        assert_eq!(fitted(100_000, 1), (1600, 1));
        assert_eq!(fitted(0, 0), (1, 1));
        assert_eq!(fitted(u32::MAX, u32::MAX), (1600, 1600));
    }

    #[test]
    fn a_downscaled_photo_is_named_as_a_jpeg() {
        assert_eq!(jpeg_name("IMG_0001.HEIC"), "IMG_0001.jpg");
        assert_eq!(jpeg_name("recibo.final.png"), "recibo.final.jpg");
        assert_eq!(jpeg_name("sin extension"), "sin extension.jpg");
        assert_eq!(jpeg_name(".png"), "photo.jpg");
    }
}
