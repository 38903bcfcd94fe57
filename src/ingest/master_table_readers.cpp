// Readers of the master tables: sales_teams.csv, products.csv, accounts.csv.
#include <array>

#include "crm/ingest/column_fixes.h"
#include "crm/ingest/field_parsers.h"
#include "crm/ingest/keyed_rows.h"
#include "crm/ingest/reference_resolver.h"
#include "crm/ingest/row_fields.h"
#include "crm/ingest/table_readers.h"
#include "crm/ingest/vocabulary.h"

namespace crm::ingest {

namespace {

//! A sales team row as read.
struct TeamRow {
  int64_t line;
  std::string agent, manager, office;
  const std::string& key() const { return agent; }
  bool operator==(const TeamRow& o) const {
    return agent == o.agent && manager == o.manager && office == o.office;
  }
};

//! A product row as read.
struct ProductRow {
  int64_t line;
  std::string name, series;
  double price;
  const std::string& key() const { return name; }
  bool operator==(const ProductRow& o) const {
    return name == o.name && series == o.series &&
           (price == o.price || (!HasValue(price) && !HasValue(o.price)));
  }
};

//! An account row as read.
struct AccountRow {
  int64_t line;
  std::string name, sector, office, parent;
  int32_t year;
  double revenue;
  int64_t employees;
  const std::string& key() const { return name; }
  bool operator==(const AccountRow& o) const {
    const bool same_revenue = revenue == o.revenue || (!HasValue(revenue) && !HasValue(o.revenue));
    return name == o.name && sector == o.sector && office == o.office && parent == o.parent &&
           year == o.year && employees == o.employees && same_revenue;
  }
};

template <typename Row>
std::vector<std::string*> Column(std::vector<Row>& rows, std::string Row::*member) {
  std::vector<std::string*> column;
  column.reserve(rows.size());
  for (Row& row : rows) column.push_back(&(row.*member));
  return column;
}

int32_t InternOptional(StringDictionary& dictionary, const std::string& value) {
  return value.empty() ? kNoIndex : dictionary.Intern(value);
}

}  // namespace

Status ReadSalesTeams(const std::string& path, Dataset& data, ProblemLog& log) {
  static constexpr std::array<std::string_view, 3> kColumns = {"sales_agent", "manager", "regional_office"};
  auto rows = ReadKeyedRows<TeamRow>(path, kColumns, log, [](TableReader& reader) -> std::optional<TeamRow> {
    TeamRow row{reader.line(), std::string(reader.Field(0)), std::string(reader.Field(1)),
                std::string(reader.Field(2))};
    if (!RequireValue(reader, 0, row.agent)) return std::nullopt;
    return row;
  });
  if (!rows.ok()) return rows.error();
  const std::string file = log.report().files.back().name;
  const TypoPolicy by_frequency{};
  FixColumnTypos(Column(*rows, &TeamRow::manager), by_frequency, file, "manager", log.report().cleaning);
  FixColumnTypos(Column(*rows, &TeamRow::office), by_frequency, file, "regional_office",
                 log.report().cleaning);
  for (const TeamRow& row : *rows) {
    data.sales_agents.push_back({row.agent, InternOptional(data.managers, row.manager),
                                 InternOptional(data.regional_offices, row.office)});
  }
  return Status::Ok();
}

Status ReadProducts(const std::string& path, Dataset& data, ProblemLog& log) {
  static constexpr std::array<std::string_view, 3> kColumns = {"product", "series", "sales_price"};
  auto rows =
      ReadKeyedRows<ProductRow>(path, kColumns, log, [](TableReader& reader) -> std::optional<ProductRow> {
        ProductRow row{reader.line(), std::string(reader.Field(0)), std::string(reader.Field(1)), kNoNumber};
        if (!RequireValue(reader, 0, row.name)) return std::nullopt;
        if (!ParseOptionalAmount(reader, 2, reader.Field(2), row.price)) return std::nullopt;
        return row;
      });
  if (!rows.ok()) return rows.error();
  const std::string file = log.report().files.back().name;
  FixColumnTypos(Column(*rows, &ProductRow::series), TypoPolicy{}, file, "series", log.report().cleaning);
  for (const ProductRow& row : *rows) {
    data.products.push_back({row.name, InternOptional(data.series, row.series), row.price});
  }
  return Status::Ok();
}

Status ReadAccounts(const std::string& path, Dataset& data, ProblemLog& log, std::vector<int64_t>& lines) {
  static constexpr std::array<std::string_view, 7> kColumns = {
      "account", "sector", "year_established", "revenue", "employees", "office_location", "subsidiary_of"};
  auto rows =
      ReadKeyedRows<AccountRow>(path, kColumns, log, [](TableReader& reader) -> std::optional<AccountRow> {
        AccountRow row{reader.line(),
                       std::string(reader.Field(0)),
                       std::string(reader.Field(1)),
                       std::string(reader.Field(5)),
                       std::string(reader.Field(6)),
                       kNoIndex,
                       kNoNumber,
                       kNoInteger};
        if (!RequireValue(reader, 0, row.name)) return std::nullopt;
        int64_t year = kNoInteger;
        if (!ParseOptionalCount(reader, 2, reader.Field(2), year)) return std::nullopt;
        if (year != kNoInteger && (year < 1000 || year > 9999)) {
          reader.Problem(2, "'" + std::to_string(year) + "' is not a year");
          return std::nullopt;
        }
        row.year = year == kNoInteger ? kNoIndex : static_cast<int32_t>(year);
        if (!ParseOptionalAmount(reader, 3, reader.Field(3), row.revenue)) return std::nullopt;
        if (!ParseOptionalCount(reader, 4, reader.Field(4), row.employees)) return std::nullopt;
        return row;
      });
  if (!rows.ok()) return rows.error();
  const std::string file = log.report().files.back().name;
  auto& cleaning = log.report().cleaning;
  FixColumnTypos(Column(*rows, &AccountRow::sector), TypoPolicy{IndustryNames()}, file, "sector", cleaning);
  FixColumnTypos(Column(*rows, &AccountRow::office), TypoPolicy{CountryNames()}, file, "office_location",
                 cleaning);
  const std::vector<std::string> names = NamesOf(*rows);
  ReferenceResolver parents(names);
  for (AccountRow& row : *rows) {
    if (row.parent.empty()) continue;
    const int32_t parent = parents.Resolve(row.parent);
    if (parent == kNoIndex) {
      log.Row(file, row.line, "subsidiary_of", "'" + row.parent + "' is not an account of accounts.csv",
              false);
      if (log.fatal()) return *log.fatal();
    } else {
      row.parent = names[parent];
    }
  }
  parents.ReportVariants(file, "subsidiary_of", cleaning);
  for (const AccountRow& row : *rows) {
    data.accounts.push_back({row.name, InternOptional(data.sectors, row.sector), row.year, row.revenue,
                             row.employees, InternOptional(data.countries, row.office), row.parent,
                             kNoIndex});
    lines.push_back(row.line);
  }
  return Status::Ok();
}

}  // namespace crm::ingest
