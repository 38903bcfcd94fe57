#pragma once
// A Document as JSON and back: {"title", "markdown", "tables": [{"name", "columns", "rows"}]}, tables in
// the shape the API gives them (analytics::TableJson). Reading checks types and sizes, so a client's
// document can be exported safely.

#include <cstddef>

#include <nlohmann/json.hpp>

#include "crm/common/result.h"
#include "crm/export/document.h"

namespace crm::exports {

//! Limits on a document read from a client.
inline constexpr size_t kMaxTitleBytes = 300;
//! See kMaxTitleBytes.
inline constexpr size_t kMaxMarkdownBytes = 200 * 1024;
//! See kMaxTitleBytes.
inline constexpr size_t kMaxTables = 20;
//! See kMaxTitleBytes.
inline constexpr size_t kMaxColumns = 200;
//! Rows of all tables together; see kMaxTitleBytes.
inline constexpr size_t kMaxRows = 10000;
//! A table's name, a column's name; see kMaxTitleBytes.
inline constexpr size_t kMaxNameBytes = 200;
//! A text cell; see kMaxTitleBytes.
inline constexpr size_t kMaxCellBytes = 32767;

//! The document as JSON.
nlohmann::json DocumentJson(const Document& document);
//! The document in `body` (title, markdown and tables, each optional); an Error naming the first member
//! of the wrong type or size ("tables[0].rows[3][2] must be a number, text or null").
Result<Document> DocumentFromJson(const nlohmann::json& body);

}  // namespace crm::exports
