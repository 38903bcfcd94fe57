#include "crm/analytics/grouping.h"

#include <algorithm>

#include "crm/analytics/period.h"

namespace crm::analytics {

namespace {

//! Labels of a dictionary followed by the missing label.
std::vector<std::string> DictionaryLabels(const StringDictionary& dictionary, const char* missing) {
  std::vector<std::string> labels = dictionary.values();
  labels.emplace_back(missing);
  return labels;
}

}  // namespace

Grouping::Grouping(const Dataset& data, const PipelineSnapshot& snapshot, const Calendar& calendar,
                   Dimension dimension)
    : data_(&data), snapshot_(&snapshot), calendar_(&calendar), dimension_(dimension) {
  switch (dimension) {
    case Dimension::kDealStage:
      source_ = Source::kStage;
      for (int s = 0; s < kDealStageCount; ++s)
        labels_.emplace_back(DealStageName(static_cast<DealStage>(s)));
      labels_.emplace_back("(no stage)");
      break;
    case Dimension::kSalesAgent:
    case Dimension::kManager:
    case Dimension::kRegionalOffice: {
      source_ = Source::kAgent;
      const bool by_agent = dimension == Dimension::kSalesAgent;
      const StringDictionary& names =
          dimension == Dimension::kManager ? data.managers : data.regional_offices;
      if (by_agent) {
        for (const SalesAgent& agent : data.sales_agents) labels_.push_back(agent.name);
        labels_.emplace_back("(no agent)");
      } else {
        labels_ = DictionaryLabels(names, dimension == Dimension::kManager ? "(no manager)" : "(no office)");
      }
      for (size_t a = 0; a < data.sales_agents.size(); ++a) {
        const SalesAgent& agent = data.sales_agents[a];
        const int32_t code = by_agent                           ? static_cast<int32_t>(a)
                             : dimension == Dimension::kManager ? agent.manager
                                                                : agent.regional_office;
        keys_.push_back(code == kNoIndex ? size() - 1 : code);
      }
      break;
    }
    case Dimension::kProduct:
    case Dimension::kSeries:
      source_ = Source::kProduct;
      if (dimension == Dimension::kProduct) {
        for (const Product& product : data.products) labels_.push_back(product.name);
        labels_.emplace_back("(no product)");
      } else {
        labels_ = DictionaryLabels(data.series, "(no series)");
      }
      for (size_t p = 0; p < data.products.size(); ++p) {
        const int32_t code =
            dimension == Dimension::kProduct ? static_cast<int32_t>(p) : data.products[p].series;
        keys_.push_back(code == kNoIndex ? size() - 1 : code);
      }
      break;
    case Dimension::kAccount:
    case Dimension::kSector:
    case Dimension::kCountry: {
      source_ = Source::kAccount;
      if (dimension == Dimension::kAccount) {
        for (const Account& account : data.accounts) labels_.push_back(account.name);
        labels_.emplace_back("(no account)");
      } else if (dimension == Dimension::kSector) {
        labels_ = DictionaryLabels(data.sectors, "(no sector)");
      } else {
        labels_ = DictionaryLabels(data.countries, "(no country)");
      }
      keys_.push_back(size() - 1);  // deals without an account
      for (size_t a = 0; a < data.accounts.size(); ++a) {
        const Account& account = data.accounts[a];
        const int32_t code = dimension == Dimension::kAccount  ? static_cast<int32_t>(a)
                             : dimension == Dimension::kSector ? account.sector
                                                               : account.office_location;
        keys_.push_back(code == kNoIndex ? size() - 1 : code);
      }
      break;
    }
    case Dimension::kMonth:
    case Dimension::kQuarter: {
      source_ = dimension == Dimension::kMonth ? Source::kMonth : Source::kQuarter;
      // Every month (quarter) of the calendar's range; tables trim the empty ones at both ends.
      const bool by_month = source_ == Source::kMonth;
      const int32_t first =
          by_month ? calendar.first_month() : Calendar::QuarterOfMonth(calendar.first_month());
      const int32_t last = by_month ? calendar.last_month() : Calendar::QuarterOfMonth(calendar.last_month());
      first_period_ = first;
      for (int32_t period = first; period <= last; ++period) {
        labels_.push_back(by_month ? MonthLabel(period) : QuarterLabel(period));
      }
      labels_.emplace_back("(no date)");
      break;
    }
  }
}

int32_t Grouping::Key(int32_t row) const {
  int32_t key = MissingKey();
  Visit([&](auto key_of) { key = key_of(row); });
  return key;
}

}  // namespace crm::analytics
