#pragma once
// The pages of a PDF being written with libharu: A4 pages with margins, a cursor running down the page,
// the two base fonts, text measuring and wrapping, filled rectangles and lines. Text arguments are in
// Windows-1252 (ToWinAnsi); Haru's errors are recorded, never thrown.

#include <hpdf.h>

#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"

namespace crm::exports {

//! A font of the canvas.
enum class Face { kRegular, kBold };

//! A colour, components 0..1.
struct Rgb {
  float r, g, b;
};

//! A PDF document being drawn page by page, top to bottom.
class PdfCanvas {
 public:
  //! A4 in points, and the margin on every side.
  static constexpr float kPageWidth = 595.28f, kPageHeight = 841.89f, kMargin = 50;

  //! A document whose PDF Title is `title` and whose pages carry `footer` and their number.
  PdfCanvas(std::string_view title, std::string footer);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  //! The left edge and width of the text area.
  float left() const { return kMargin; }
  float width() const { return kPageWidth - 2 * kMargin; }
  //! The top of the free space on the current page (PDF coordinates grow upwards).
  float y() const { return y_; }
  //! Moves the cursor down by `height`.
  void Advance(float height) { y_ -= height; }
  //! Starts a new page when less than `height` is left on this one.
  void Reserve(float height);
  //! Starts a new page.
  void NewPage();

  //! Draws text with its baseline at `y`.
  void Text(float x, float y, Face face, float size, std::string_view text, Rgb color = {0, 0, 0});
  //! The width of text in points.
  float TextWidth(Face face, float size, std::string_view text) const;
  //! The text, cut and ended with "..." when wider than `width`.
  std::string Fit(Face face, float size, std::string_view text, float width) const;
  //! The text broken into lines no wider than `width`, at spaces when possible (always one line at least).
  std::vector<std::string> Wrap(Face face, float size, std::string_view text, float width) const;
  //! Fills a rectangle whose lower-left corner is (x, y).
  void FillRect(float x, float y, float w, float h, Rgb color);
  //! Draws a line.
  void Line(float x1, float y1, float x2, float y2, float line_width, Rgb color);

  //! The finished document's bytes; an Error when Haru failed on the way.
  Result<std::string> Save();

 private:
  HPDF_Font Font(Face face) const { return face == Face::kBold ? bold_ : regular_; }

  HPDF_Doc pdf_;
  HPDF_STATUS error_ = HPDF_OK;  //!< the first error Haru reported
  HPDF_Font regular_ = nullptr;
  HPDF_Font bold_ = nullptr;
  HPDF_Page page_ = nullptr;
  float y_ = 0;
  int pages_ = 0;
  std::string footer_;
};

}  // namespace crm::exports
