#include "row_source.h"

#include <string>

#include "crm/store/sqlite.h"

namespace crm::store {

namespace {

// The pointer type of sqlite3_bind_pointer: only a parameter bound with this exact string reaches the
// virtual table, so SQL cannot make it read an arbitrary pointer.
constexpr const char* kPointerType = "crm::store::RowSource";

// Columns c0 … c7, then the hidden one that receives the RowSource.
constexpr const char* kSchema = "CREATE TABLE x(c0, c1, c2, c3, c4, c5, c6, c7, source HIDDEN)";
constexpr int kSourceColumn = kRowSourceColumns;

struct Cursor {
  sqlite3_vtab_cursor base;  // first, as SQLite requires
  RowSource* source = nullptr;
  size_t row = 0;
};

int Connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** table, char**) {
  if (int declared = sqlite3_declare_vtab(db, kSchema); declared != SQLITE_OK) return declared;
  // Only top-level statements may use it, never a trigger or a view.
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  *table = new sqlite3_vtab{};
  return SQLITE_OK;
}

int Disconnect(sqlite3_vtab* table) {
  delete table;
  return SQLITE_OK;
}

// Usable only with source = ?; an ORDER BY rowid is the scan's own order.
int BestIndex(sqlite3_vtab*, sqlite3_index_info* info) {
  bool has_source = false;
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& constraint = info->aConstraint[i];
    if (constraint.iColumn == kSourceColumn && constraint.op == SQLITE_INDEX_CONSTRAINT_EQ &&
        constraint.usable) {
      info->aConstraintUsage[i].argvIndex = 1;
      info->aConstraintUsage[i].omit = 1;
      has_source = true;
    }
  }
  if (!has_source) return SQLITE_CONSTRAINT;
  if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == -1 && !info->aOrderBy[0].desc) {
    info->orderByConsumed = 1;
  }
  info->estimatedCost = 1;
  return SQLITE_OK;
}

int Open(sqlite3_vtab*, sqlite3_vtab_cursor** cursor) {
  *cursor = &(new Cursor{})->base;
  return SQLITE_OK;
}

int Close(sqlite3_vtab_cursor* cursor) {
  delete reinterpret_cast<Cursor*>(cursor);
  return SQLITE_OK;
}

int Filter(sqlite3_vtab_cursor* base, int, const char*, int argc, sqlite3_value** argv) {
  auto* cursor = reinterpret_cast<Cursor*>(base);
  cursor->source =
      argc == 1 ? static_cast<RowSource*>(sqlite3_value_pointer(argv[0], kPointerType)) : nullptr;
  cursor->row = 0;
  if (cursor->source != nullptr && cursor->source->size() > 0) {
    cursor->source->row = 0;
    cursor->source->Reached(0);
  }
  return SQLITE_OK;
}

int Next(sqlite3_vtab_cursor* base) {
  auto* cursor = reinterpret_cast<Cursor*>(base);
  ++cursor->row;
  if (cursor->row < cursor->source->size()) {
    cursor->source->row = cursor->row;
    cursor->source->Reached(cursor->row);
  }
  return SQLITE_OK;
}

int Eof(sqlite3_vtab_cursor* base) {
  const auto* cursor = reinterpret_cast<Cursor*>(base);
  return cursor->source == nullptr || cursor->row >= cursor->source->size();
}

int Column(sqlite3_vtab_cursor* base, sqlite3_context* context, int column) {
  auto* cursor = reinterpret_cast<Cursor*>(base);
  if (column >= kRowSourceColumns) {
    sqlite3_result_null(context);
    return SQLITE_OK;
  }
  Status value = cursor->source->Value(context, cursor->row, column);
  if (value.ok()) return SQLITE_OK;
  sqlite3_result_error(context, value.error().message.c_str(), -1);
  if (!cursor->source->error) cursor->source->error = value.error();
  return SQLITE_ERROR;
}

int RowId(sqlite3_vtab_cursor* base, sqlite3_int64* rowid) {
  *rowid = static_cast<sqlite3_int64>(reinterpret_cast<Cursor*>(base)->row) + 1;
  return SQLITE_OK;
}

// Eponymous only (no xCreate): it exists on every connection that registers it, without CREATE TABLE.
sqlite3_module MakeModule() {
  sqlite3_module module{};
  module.xConnect = Connect;
  module.xBestIndex = BestIndex;
  module.xDisconnect = Disconnect;
  module.xOpen = Open;
  module.xClose = Close;
  module.xFilter = Filter;
  module.xNext = Next;
  module.xEof = Eof;
  module.xColumn = Column;
  module.xRowid = RowId;
  return module;
}

const sqlite3_module kModule = MakeModule();

}  // namespace

Status RegisterRowSourceModule(sqlite3* db) {
  if (sqlite3_create_module_v2(db, "crm_rows", &kModule, nullptr, nullptr) != SQLITE_OK) {
    return Error{LastError(db)};
  }
  return Status::Ok();
}

void BindRowSource(sqlite3_stmt* statement, int index, RowSource& source) {
  sqlite3_bind_pointer(statement, index, &source, kPointerType, nullptr);
}

}  // namespace crm::store
