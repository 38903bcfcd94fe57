#pragma once
// Bar charts on a PDF page, drawn as vector graphics from a chart specification.

#include <string>
#include <string_view>

#include "crm/analytics/insight.h"
#include "pdf_canvas.h"

namespace crm::exports {

//! A value as a chart shows it in `unit`: "$1.2M" for USD, "63%" for percent (0..1), "1,234" otherwise.
std::string ChartValueText(double value, std::string_view unit);
//! Draws the first series of `chart` as vertical bars with their values, a value axis and the labels,
//! under the chart's title; negative values are drawn as zero and NaN as a gap. Starts a new page when
//! the chart does not fit.
void DrawBarChart(PdfCanvas& canvas, const analytics::ChartSpec& chart);

}  // namespace crm::exports
