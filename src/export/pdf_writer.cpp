#include "crm/export/pdf_writer.h"

#include "crm/export/win_ansi.h"
#include "pdf_canvas.h"
#include "pdf_chart.h"
#include "pdf_table.h"

namespace crm::exports {

namespace {

constexpr float kBodySize = 10, kBodyLeading = 13.5f, kIndent = 12;
constexpr Rgb kMuted = {0.4f, 0.4f, 0.4f};
constexpr Rgb kRule = {0.7f, 0.7f, 0.7f};

//! Draws each block in turn.
class BlockPrinter {
 public:
  explicit BlockPrinter(PdfCanvas& canvas) : canvas_(canvas) {}

  void operator()(const Heading& heading) {
    canvas_.Reserve(60);  // a heading never ends a page
    canvas_.Advance(10);
    canvas_.Text(canvas_.left(), canvas_.y() - 13, Face::kBold, 13,
                 canvas_.Fit(Face::kBold, 13, ToWinAnsi(heading.text), canvas_.width()));
    canvas_.Advance(18);
    canvas_.Line(canvas_.left(), canvas_.y(), canvas_.left() + canvas_.width(), canvas_.y(), 0.5f, kRule);
    canvas_.Advance(8);
  }

  void operator()(const Paragraph& paragraph) {
    Lines(canvas_.left(), canvas_.width(), ToWinAnsi(paragraph.text));
    canvas_.Advance(4);
  }

  void operator()(const Bullets& bullets) {
    for (const std::string& item : bullets.items) {
      canvas_.Reserve(kBodyLeading);
      canvas_.Text(canvas_.left() + 2, canvas_.y() - kBodySize, Face::kRegular, kBodySize, "\x95");
      Lines(canvas_.left() + kIndent, canvas_.width() - kIndent, ToWinAnsi(item));
    }
    canvas_.Advance(4);
  }

  void operator()(const KeyFigures& figures) {
    const float column = canvas_.width() / 2, label_width = column * 0.5f;
    for (size_t i = 0; i < figures.items.size(); i += 2) {
      canvas_.Reserve(16);
      for (size_t j = i; j < std::min(i + 2, figures.items.size()); ++j) {
        const float x = canvas_.left() + column * static_cast<float>(j - i);
        const auto& [label, value] = figures.items[j];
        canvas_.Text(x, canvas_.y() - 10, Face::kRegular, 9,
                     canvas_.Fit(Face::kRegular, 9, ToWinAnsi(label), label_width - 4), kMuted);
        canvas_.Text(x + label_width, canvas_.y() - 10, Face::kBold, 10,
                     canvas_.Fit(Face::kBold, 10, ToWinAnsi(value), column - label_width - 8));
      }
      canvas_.Advance(16);
    }
    canvas_.Advance(4);
  }

  void operator()(const TableBlock& table) { DrawTable(canvas_, table); }

  void operator()(const ChartBlock& chart) {
    DrawBarChart(canvas_, chart);
    canvas_.Advance(8);
  }

 private:
  //! Wrapped body text from the cursor down.
  void Lines(float x, float width, const std::string& text) {
    for (const std::string& line : canvas_.Wrap(Face::kRegular, kBodySize, text, width)) {
      canvas_.Reserve(kBodyLeading);
      canvas_.Text(x, canvas_.y() - kBodySize, Face::kRegular, kBodySize, line);
      canvas_.Advance(kBodyLeading);
    }
  }

  PdfCanvas& canvas_;
};

}  // namespace

Result<std::string> PdfBytes(const Report& report) {
  PdfCanvas canvas(report.title,
                   report.subtitle.empty() ? report.title : report.title + " - " + report.subtitle);
  canvas.Text(canvas.left(), canvas.y() - 20, Face::kBold, 20,
              canvas.Fit(Face::kBold, 20, ToWinAnsi(report.title), canvas.width()));
  canvas.Advance(28);
  if (!report.subtitle.empty()) {
    canvas.Text(canvas.left(), canvas.y() - 10, Face::kRegular, 10,
                canvas.Fit(Face::kRegular, 10, ToWinAnsi(report.subtitle), canvas.width()), kMuted);
    canvas.Advance(16);
  }
  BlockPrinter printer(canvas);
  for (const Block& block : report.blocks) std::visit(printer, block);
  return canvas.Save();
}

}  // namespace crm::exports
