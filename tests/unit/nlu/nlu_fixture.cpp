#include "unit/nlu/nlu_fixture.h"

#include "crm/common/date.h"
#include "unit/analytics/analytics_fixture.h"

namespace crm::nlu::test {

namespace {

Dataset BuildNamesCrm() {
  analytics::test::DatasetBuilder b;
  const int32_t acme = b.Account("Acme Corporation", "technology", 1100, 2822, "United States");
  b.Account("Kan-code", "software", 11698, 34288, "United States");
  b.Account("Konex", "retail", 7708, 13756, "Japan");
  b.Account("Initech", "finance", 6395, 20275, "United States");
  b.Account("Cheers", "entertainment", 4269, 6472, "United States");
  b.Account("Newex", "services", 1200, 2000, "Korea");
  b.Account("Gekko & Co", "finance", 2520, 1802, "United States");
  b.Account("The New York Inquirer", "medical", 439, 792, "United States");
  b.Account("Umbrella Corporation", "telecommunications", 2022, 4500, "United States");
  b.Account("Betatech", "medical", 647, 1185, "Japan");
  const int32_t gtx_pro = b.Product("GTX Pro", "GTX", 4821);
  for (const char* name : {"GTX Basic", "GTX Plus Basic", "GTX Plus Pro"}) b.Product(name, "GTX", 1000);
  b.Product("MG Special", "MG", 55);
  b.Product("MG Advanced", "MG", 3393);
  b.Product("GTK 500", "GTK", 26768);
  const int32_t moses = b.Agent("Moses Frase", "Dustin Brinkmann", "Central");
  b.Agent("Darcel Schlecht", "Melvin Marxen", "Central");
  b.Agent("Anna Snelling", "Dustin Brinkmann", "Central");
  b.Agent("Anna Cosme", "Melvin Marxen", "East");
  b.Agent("Carol Thompson", "Celia Rouche", "West");
  b.Agent("Carl Lin", "Celia Rouche", "West");
  b.Deal("1C1I7A6R", moses, gtx_pro, acme, DealStage::kWon, "2016-10-20", "2017-03-01", 1054);
  return b.Build();
}

}  // namespace

const Dataset& NamesCrm() {
  static const Dataset data = BuildNamesCrm();
  return data;
}

std::map<std::string, std::string> Entities(const LinkedQuery& query) {
  std::map<std::string, std::string> entities;
  for (const EntitySpan& span : query.spans) entities.emplace(span.key, span.value);
  return entities;
}

int32_t AsOf(const std::string& iso_date) { return *ParseIsoDate(iso_date); }

}  // namespace crm::nlu::test
