#include "crm/demo/reference_tables.h"

#include <array>
#include <filesystem>
#include <string_view>

#include "crm/demo/catalog.h"
#include "crm/demo/csv_writer.h"
#include "crm/demo/sales_force.h"

namespace crm::demo {

namespace {

// Writes one row made of `fields`.
template <size_t N>
void WriteRow(CsvWriter& out, const std::array<std::string_view, N>& fields) {
  for (std::string_view field : fields) out.Text(field);
  out.EndRow();
}

void WriteAccounts(CsvWriter& out, const std::vector<Account>& accounts) {
  WriteRow<7>(out, {"account", "sector", "year_established", "revenue", "employees", "office_location",
                    "subsidiary_of"});
  for (const Account& account : accounts) {
    out.Text(account.name);
    out.Text(kSectors[account.sector].written);
    out.Integer(account.year_established);
    out.Hundredths(account.revenue_cents);
    out.Integer(account.employees);
    out.Text(kCountries[account.country].written);
    if (account.parent >= 0) {
      out.Text(accounts[account.parent].name);
    } else {
      out.Empty();
    }
    out.EndRow();
  }
}

void WriteProducts(CsvWriter& out) {
  WriteRow<3>(out, {"product", "series", "sales_price"});
  for (const Product& product : kProducts) {
    out.Text(product.name);
    out.Text(product.series);
    out.Integer(product.list_price);
    out.EndRow();
  }
}

void WriteSalesTeams(CsvWriter& out) {
  WriteRow<3>(out, {"sales_agent", "manager", "regional_office"});
  for (const Agent& agent : kAgents) {
    WriteRow<3>(out, {agent.name, kManagers[agent.manager].name, kManagers[agent.manager].office});
  }
}

void WriteDataDictionary(CsvWriter& out) {
  constexpr std::array<std::array<std::string_view, 3>, 29> kRows{{
      {"Table", "Field", "Description"},
      {"accounts", "account", "Company name"},
      {"accounts", "sector", "Industry"},
      {"accounts", "year_established", "Year the company was established"},
      {"accounts", "revenue", "Annual revenue (in millions of USD)"},
      {"accounts", "employees", "Number of employees"},
      {"accounts", "office_location", "Headquarters country"},
      {"accounts", "subsidiary_of", "Parent company (an account), empty when independent"},
      {"products", "product", "Product name"},
      {"products", "series", "Product series"},
      {"products", "sales_price", "List price (USD)"},
      {"sales_teams", "sales_agent", "Sales agent"},
      {"sales_teams", "manager", "The agent's sales manager"},
      {"sales_teams", "regional_office", "Regional office"},
      {"sales_pipeline", "opportunity_id", "Unique identifier"},
      {"sales_pipeline", "sales_agent", "Sales agent"},
      {"sales_pipeline", "product", "Product name"},
      {"sales_pipeline", "account", "Company name, empty for some open deals"},
      {"sales_pipeline", "deal_stage", "Sales pipeline stage (Prospecting > Engaging > Won / Lost)"},
      {"sales_pipeline", "engage_date", "Date the \"Engaging\" stage began"},
      {"sales_pipeline", "close_date", "Date the deal was \"Won\" or \"Lost\""},
      {"sales_pipeline", "close_value", "Revenue from the deal (USD), 0 when lost"},
      {"activities", "activity_id", "Unique identifier"},
      {"activities", "activity_date", "Date of the activity"},
      {"activities", "activity_type", "call, email, meeting or demo"},
      {"activities", "sales_agent", "Sales agent who logged the activity"},
      {"activities", "account", "Company name, empty when the deal has none"},
      {"activities", "opportunity_id", "The deal (sales_pipeline.opportunity_id)"},
      {"activities", "subject", "Short free-text subject"},
  }};
  for (const auto& row : kRows) WriteRow<3>(out, row);
}

// Creates `dir`/`name`, lets `write` fill it and closes it.
template <typename Write>
Status WriteTable(const std::string& dir, const char* name, Write write) {
  Result<CsvWriter> out = CsvWriter::Create((std::filesystem::path(dir) / name).string());
  if (!out.ok()) return out.error();
  write(*out);
  return out->Close();
}

}  // namespace

Status WriteReferenceTables(const std::string& dir, const std::vector<Account>& accounts) {
  Status status = WriteTable(dir, "accounts.csv", [&](CsvWriter& out) { WriteAccounts(out, accounts); });
  if (status.ok()) status = WriteTable(dir, "products.csv", WriteProducts);
  if (status.ok()) status = WriteTable(dir, "sales_teams.csv", WriteSalesTeams);
  if (status.ok()) status = WriteTable(dir, "data_dictionary.csv", WriteDataDictionary);
  return status;
}

}  // namespace crm::demo
