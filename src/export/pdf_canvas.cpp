#include "pdf_canvas.h"

#include <cstdio>

#include "crm/export/win_ansi.h"

namespace crm::exports {

namespace {

constexpr float kFooterSize = 8;
constexpr Rgb kGrey = {0.45f, 0.45f, 0.45f};

//! Records the first error in the status the handler was given.
void RecordError(HPDF_STATUS error, HPDF_STATUS, void* data) {
  auto* first = static_cast<HPDF_STATUS*>(data);
  if (*first == HPDF_OK) *first = error;
}

}  // namespace

PdfCanvas::PdfCanvas(std::string_view title, std::string footer)
    : pdf_(HPDF_New(RecordError, &error_)), footer_(std::move(footer)) {
  if (!pdf_) return;
  HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
  HPDF_SetInfoAttr(pdf_, HPDF_INFO_TITLE, ToWinAnsi(title).c_str());
  HPDF_SetInfoAttr(pdf_, HPDF_INFO_CREATOR, "crm-assistant");
  regular_ = HPDF_GetFont(pdf_, "Helvetica", "WinAnsiEncoding");
  bold_ = HPDF_GetFont(pdf_, "Helvetica-Bold", "WinAnsiEncoding");
  NewPage();
}

PdfCanvas::~PdfCanvas() {
  if (pdf_) HPDF_Free(pdf_);
}

void PdfCanvas::Reserve(float height) {
  if (y_ - height < kMargin) NewPage();
}

void PdfCanvas::NewPage() {
  if (!pdf_) return;
  page_ = HPDF_AddPage(pdf_);
  HPDF_Page_SetWidth(page_, kPageWidth);
  HPDF_Page_SetHeight(page_, kPageHeight);
  ++pages_;
  const std::string number = "Page " + std::to_string(pages_);
  const float baseline = kMargin / 2;
  Text(left(), baseline, Face::kRegular, kFooterSize,
       Fit(Face::kRegular, kFooterSize, footer_,
           width() - TextWidth(Face::kRegular, kFooterSize, number) - 20),
       kGrey);
  Text(left() + width() - TextWidth(Face::kRegular, kFooterSize, number), baseline, Face::kRegular,
       kFooterSize, number, kGrey);
  y_ = kPageHeight - kMargin;
}

void PdfCanvas::Text(float x, float y, Face face, float size, std::string_view text, Rgb color) {
  if (text.empty()) return;
  const std::string line(text);
  HPDF_Page_SetRGBFill(page_, color.r, color.g, color.b);
  HPDF_Page_BeginText(page_);
  HPDF_Page_SetFontAndSize(page_, Font(face), size);
  HPDF_Page_TextOut(page_, x, y, line.c_str());
  HPDF_Page_EndText(page_);
}

float PdfCanvas::TextWidth(Face face, float size, std::string_view text) const {
  const std::string line(text);
  const HPDF_TextWidth measured = HPDF_Font_TextWidth(
      Font(face), reinterpret_cast<const HPDF_BYTE*>(line.data()), static_cast<HPDF_UINT>(line.size()));
  return static_cast<float>(measured.width) * size / 1000;
}

std::string PdfCanvas::Fit(Face face, float size, std::string_view text, float width) const {
  if (TextWidth(face, size, text) <= width) return std::string(text);
  std::string cut(text);
  while (!cut.empty() && TextWidth(face, size, cut + "...") > width) cut.pop_back();
  return cut.empty() ? std::string() : cut + "...";
}

std::vector<std::string> PdfCanvas::Wrap(Face face, float size, std::string_view text, float width) const {
  std::vector<std::string> lines;
  std::string line;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t space = text.find(' ', pos);
    std::string word(text.substr(pos, space == std::string_view::npos ? text.size() - pos : space - pos));
    pos = space == std::string_view::npos ? text.size() : space + 1;
    const std::string joined = line.empty() ? word : line + " " + word;
    if (TextWidth(face, size, joined) <= width) {
      line = joined;
      continue;
    }
    if (!line.empty()) lines.push_back(line);
    // A word wider than the line is broken where it overflows.
    while (word.size() > 1 && TextWidth(face, size, word) > width) {
      size_t fits = 1;
      while (fits < word.size() && TextWidth(face, size, word.substr(0, fits + 1)) <= width) ++fits;
      lines.push_back(word.substr(0, fits));
      word.erase(0, fits);
    }
    line = word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

void PdfCanvas::FillRect(float x, float y, float w, float h, Rgb color) {
  HPDF_Page_SetRGBFill(page_, color.r, color.g, color.b);
  HPDF_Page_Rectangle(page_, x, y, w, h);
  HPDF_Page_Fill(page_);
}

void PdfCanvas::Line(float x1, float y1, float x2, float y2, float line_width, Rgb color) {
  HPDF_Page_SetRGBStroke(page_, color.r, color.g, color.b);
  HPDF_Page_SetLineWidth(page_, line_width);
  HPDF_Page_MoveTo(page_, x1, y1);
  HPDF_Page_LineTo(page_, x2, y2);
  HPDF_Page_Stroke(page_);
}

Result<std::string> PdfCanvas::Save() {
  if (!pdf_) return Error{"cannot start a PDF document"};
  if (error_ == HPDF_OK) HPDF_SaveToStream(pdf_);
  if (error_ != HPDF_OK) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(error_));
    return Error{std::string("cannot write the PDF (libharu error ") + code + ")"};
  }
  HPDF_ResetStream(pdf_);
  std::string bytes(HPDF_GetStreamSize(pdf_), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(pdf_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);
  return bytes;
}

}  // namespace crm::exports
