#include "pdf_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "crm/analytics/fact_text.h"
#include "crm/export/win_ansi.h"

namespace crm::exports {

namespace {

constexpr float kTitleHeight = 18, kPlotHeight = 140, kLabelHeight = 22, kAxisWidth = 52;
constexpr float kSmall = 7;
//! The most grid lines above the axis.
constexpr int kGridLines = 4;
constexpr Rgb kBar = {0.18f, 0.42f, 0.68f};
constexpr Rgb kGrid = {0.85f, 0.85f, 0.85f};
constexpr Rgb kInk = {0.2f, 0.2f, 0.2f};

//! A round step of at least max / kGridLines: 1, 2 or 5 times a power of ten.
double NiceStep(double max) {
  const double raw = max / kGridLines;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    if (factor * power >= raw) return factor * power;
  }
  return 10 * power;
}

}  // namespace

std::string ChartValueText(double value, std::string_view unit) {
  char text[32];
  if (unit == "percent") return analytics::PercentText(value);
  if (unit == "USD") {
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e6) {
      std::snprintf(text, sizeof text, "$%.1fM", value / 1e6);
    } else if (magnitude >= 1e3) {
      std::snprintf(text, sizeof text, "$%.0fK", value / 1e3);
    } else {
      std::snprintf(text, sizeof text, "$%.0f", value);
    }
    return text;
  }
  return analytics::GroupedText(value);
}

void DrawBarChart(PdfCanvas& canvas, const analytics::ChartSpec& chart) {
  canvas.Reserve(kTitleHeight + kPlotHeight + kLabelHeight);
  canvas.Text(canvas.left(), canvas.y() - 12, Face::kBold, 10,
              canvas.Fit(Face::kBold, 10, ToWinAnsi(chart.title), canvas.width()));
  canvas.Advance(kTitleHeight);
  const std::vector<double> none;
  const std::vector<double>& values = chart.series.empty() ? none : chart.series.front().values;
  double max = 0;
  for (const double value : values) {
    if (std::isfinite(value)) max = std::max(max, value);
  }
  // Whole steps for everything but fractions, so that tick labels do not repeat after rounding.
  const double step = std::max(NiceStep(max > 0 ? max : 1), chart.unit == "percent" ? 0.0 : 1.0);
  const int lines = std::max(1, static_cast<int>(std::ceil(max / step - 1e-9)));
  const double top = step * lines;
  const float x0 = canvas.left() + kAxisWidth, plot_width = canvas.width() - kAxisWidth;
  const float y0 = canvas.y() - kPlotHeight;
  for (int line = 0; line <= lines; ++line) {
    const float y = y0 + kPlotHeight * static_cast<float>(line) / static_cast<float>(lines);
    canvas.Line(x0, y, x0 + plot_width, y, line == 0 ? 0.8f : 0.4f, line == 0 ? kInk : kGrid);
    const std::string tick = ToWinAnsi(ChartValueText(step * line, chart.unit));
    canvas.Text(x0 - 4 - canvas.TextWidth(Face::kRegular, kSmall, tick), y - 2.5f, Face::kRegular, kSmall,
                tick, kInk);
  }
  const size_t bars = std::max<size_t>(chart.labels.size(), 1);
  const float slot = plot_width / static_cast<float>(bars);
  for (size_t i = 0; i < chart.labels.size(); ++i) {
    const float x = x0 + slot * static_cast<float>(i);
    const std::string label = canvas.Fit(Face::kRegular, kSmall, ToWinAnsi(chart.labels[i]), slot - 2);
    canvas.Text(x + (slot - canvas.TextWidth(Face::kRegular, kSmall, label)) / 2, y0 - 10, Face::kRegular,
                kSmall, label, kInk);
    if (i >= values.size() || !std::isfinite(values[i])) continue;
    const float height = kPlotHeight * static_cast<float>(std::max(values[i], 0.0) / top);
    canvas.FillRect(x + slot * 0.2f, y0, slot * 0.6f, height, kBar);
    const std::string text =
        canvas.Fit(Face::kRegular, kSmall, ToWinAnsi(ChartValueText(values[i], chart.unit)), slot);
    canvas.Text(x + (slot - canvas.TextWidth(Face::kRegular, kSmall, text)) / 2, y0 + height + 3,
                Face::kRegular, kSmall, text, kInk);
  }
  canvas.Advance(kPlotHeight + kLabelHeight);
}

}  // namespace crm::exports
