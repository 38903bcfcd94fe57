#include "pdf_table.h"

#include <algorithm>
#include <numeric>

#include "crm/export/win_ansi.h"

namespace crm::exports {

namespace {

constexpr float kSize = 8, kLeading = 10, kPad = 3;
//! Lines a cell may take; the last shown line ends with "..." when there is more.
constexpr size_t kMaxCellLines = 6;
//! Rows measured to size the columns.
constexpr size_t kMeasuredRows = 300;
constexpr Rgb kHeaderFill = {0.88f, 0.91f, 0.95f};
constexpr Rgb kStripe = {0.96f, 0.96f, 0.96f};

//! The table's text in Windows-1252, one vector of cells per row, the header first.
std::vector<std::vector<std::string>> CellTexts(const analytics::Table& table) {
  std::vector<std::vector<std::string>> texts;
  std::vector<std::string> header;
  for (const std::string& column : table.columns) header.push_back(ToWinAnsi(column));
  texts.push_back(std::move(header));
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const bool missing = c >= row.size() || std::holds_alternative<std::nullptr_t>(row[c]);
      cells.push_back(missing ? std::string() : ToWinAnsi(analytics::FormatCell(row[c], table.columns[c])));
    }
    texts.push_back(std::move(cells));
  }
  return texts;
}

//! Column widths: natural widths when they fit, else the narrow columns keep theirs and the wide ones
//! share the rest in proportion.
std::vector<float> ColumnWidths(const PdfCanvas& canvas, const std::vector<std::vector<std::string>>& texts) {
  const size_t columns = texts.front().size();
  std::vector<float> natural(columns, 0);
  for (size_t r = 0; r < std::min(texts.size(), kMeasuredRows + 1); ++r) {
    for (size_t c = 0; c < columns; ++c) {
      const Face face = r == 0 ? Face::kBold : Face::kRegular;
      natural[c] = std::max(natural[c], canvas.TextWidth(face, kSize, texts[r][c]) + 2 * kPad + 1);
    }
  }
  const float total = canvas.width();
  const float sum = std::accumulate(natural.begin(), natural.end(), 0.0f);
  if (sum <= total) {
    for (float& width : natural) width += (total - sum) / static_cast<float>(columns);
    return natural;
  }
  const float fair = total / static_cast<float>(columns);
  float narrow = 0, wide = 0;
  for (const float width : natural) (width <= fair ? narrow : wide) += width;
  std::vector<float> widths = natural;
  for (float& width : widths) {
    if (width > fair) width = (total - narrow) * width / wide;
  }
  return widths;
}

//! The lines of one cell, at most kMaxCellLines.
std::vector<std::string> CellLines(const PdfCanvas& canvas, Face face, const std::string& text, float width) {
  std::vector<std::string> lines = canvas.Wrap(face, kSize, text, width);
  if (lines.size() > kMaxCellLines) {
    lines.resize(kMaxCellLines);
    lines.back() = canvas.Fit(face, kSize, lines.back() + " ...", width);
  }
  return lines;
}

//! A row broken into lines: the lines of each cell and the row's height.
struct LaidRow {
  std::vector<std::vector<std::string>> lines;
  Face face;
  float height;
};

LaidRow LayRow(const PdfCanvas& canvas, const std::vector<std::string>& cells,
               const std::vector<float>& widths, Face face) {
  LaidRow row{{}, face, 0};
  size_t lines = 1;
  for (size_t c = 0; c < cells.size(); ++c) {
    row.lines.push_back(CellLines(canvas, face, cells[c], widths[c] - 2 * kPad));
    lines = std::max(lines, row.lines.back().size());
  }
  row.height = static_cast<float>(lines) * kLeading + 2 * kPad;
  return row;
}

//! Draws one row; `shade` fills its background first.
void DrawRow(PdfCanvas& canvas, const LaidRow& row, const std::vector<float>& widths,
             const std::vector<bool>& right_aligned, const Rgb* shade) {
  if (shade) canvas.FillRect(canvas.left(), canvas.y() - row.height, canvas.width(), row.height, *shade);
  float x = canvas.left();
  for (size_t c = 0; c < row.lines.size(); ++c) {
    float baseline = canvas.y() - kPad - kSize;
    for (const std::string& line : row.lines[c]) {
      const float offset =
          right_aligned[c] ? widths[c] - kPad - canvas.TextWidth(row.face, kSize, line) : kPad;
      canvas.Text(x + offset, baseline, row.face, kSize, line);
      baseline -= kLeading;
    }
    x += widths[c];
  }
  canvas.Advance(row.height);
}

}  // namespace

void DrawTable(PdfCanvas& canvas, const analytics::Table& table) {
  if (table.columns.empty()) return;
  const std::vector<std::vector<std::string>> texts = CellTexts(table);
  const std::vector<float> widths = ColumnWidths(canvas, texts);
  std::vector<bool> right_aligned(table.columns.size(), false);
  for (size_t c = 0; c < table.columns.size(); ++c) {
    right_aligned[c] =
        !table.rows.empty() && std::all_of(table.rows.begin(), table.rows.end(), [c](const auto& row) {
          return c >= row.size() || !std::holds_alternative<std::string>(row[c]);
        });
  }
  const LaidRow header = LayRow(canvas, texts.front(), widths, Face::kBold);
  for (size_t r = 1; r < texts.size() || r == 1; ++r) {
    const LaidRow row = r < texts.size() ? LayRow(canvas, texts[r], widths, Face::kRegular) : LaidRow{};
    // The header goes on top of the first row and again on every new page.
    if (r == 1 || canvas.y() - row.height < PdfCanvas::kMargin) {
      canvas.Reserve(header.height + row.height);
      DrawRow(canvas, header, widths, right_aligned, &kHeaderFill);
    }
    if (r < texts.size()) DrawRow(canvas, row, widths, right_aligned, r % 2 == 0 ? &kStripe : nullptr);
  }
  canvas.Advance(kLeading);
}

}  // namespace crm::exports
