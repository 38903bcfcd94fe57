#pragma once
// A small, valid CRM folder that each importer test changes in one place.

#include <map>
#include <string>

#include "crm/ingest/importer.h"
#include "support/test_support.h"

namespace crm::ingest::test_fixture {

//! Files of a valid four-deal CRM; tests edit `files` and then call Import().
struct CrmFolder {
  crm::test::TempDir dir;
  std::map<std::string, std::string> files = {
      {"sales_teams.csv",
       "sales_agent,manager,regional_office\r\n"
       "Moses Frase,Dustin Brinkmann,Central\r\n"
       "Darcel Schlecht,Melvin Marxen,Central\r\n"},
      {"products.csv", "product,series,sales_price\r\nGTX Pro,GTX,4821\r\nMG Special,MG,55\r\n"},
      {"accounts.csv",
       "account,sector,year_established,revenue,employees,office_location,subsidiary_of\r\n"
       "Acme Corporation,technology,1996,1100.04,2822,United States,\r\n"
       "Bluth Company,technology,1993,1242.32,3027,United States,Acme Corporation\r\n"},
      {"sales_pipeline.csv",
       "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n"
       "AAAA0001,Moses Frase,GTX Pro,Acme Corporation,Won,2017-01-02,2017-02-01,4800\r\n"
       "AAAA0002,Darcel Schlecht,MG Special,Bluth Company,Lost,2017-01-03,2017-01-20,0\r\n"
       "AAAA0003,Moses Frase,GTX Pro,,Engaging,2017-03-01,,\r\n"
       "AAAA0004,Darcel Schlecht,MG Special,,Prospecting,,,\r\n"},
  };

  //! Appends one line (CRLF added) to a file.
  void Append(const std::string& file, const std::string& line) { files[file] += line + "\r\n"; }
  //! Writes the files and imports the folder.
  Result<ImportResult> Import(bool strict = false) {
    for (const auto& [name, contents] : files) crm::test::WriteFile(dir.File(name), contents);
    return ImportFolder(dir.path().string(), {.strict = strict});
  }
};

}  // namespace crm::ingest::test_fixture
