#pragma once
// The fixed vocabularies of the demo data: products, sectors and countries, with their planted misspellings.

#include <array>
#include <string_view>

namespace crm::demo {

//! A product: name, series and list price as in the real data set, and its share of deal volume.
struct Product {
  std::string_view name;
  std::string_view series;
  int list_price;
  double deal_share;
};

//! The seven products in products.csv order (deal shares follow the real pipeline's product mix).
inline constexpr std::array<Product, 7> kProducts{{
    {"GTX Basic", "GTX", 550, 1866},
    {"GTX Pro", "GTX", 4821, 1480},
    {"MG Special", "MG", 55, 1651},
    {"MG Advanced", "MG", 3393, 1412},
    {"GTX Plus Pro", "GTX", 5482, 968},
    {"GTX Plus Basic", "GTX", 1096, 1383},
    {"GTK 500", "GTK", 26768, 40},
}};

//! Index of "GTX Pro", which the pipeline always spells as kGtxProPipelineSpelling.
inline constexpr int kGtxPro = 1;
//! The planted product misspelling of sales_pipeline.csv (as in the real file).
inline constexpr std::string_view kGtxProPipelineSpelling = "GTXPro";

//! An industry sector: its correct name, how accounts.csv writes it, and its share of accounts.
struct Sector {
  std::string_view name;
  std::string_view written;
  int account_share;
};

//! The ten sectors; shares are the real account counts per sector (of 85). Technology is written `technolgy`.
inline constexpr std::array<Sector, 10> kSectors{{
    {"retail", "retail", 17},
    {"technology", "technolgy", 12},
    {"medical", "medical", 12},
    {"marketing", "marketing", 8},
    {"finance", "finance", 8},
    {"software", "software", 7},
    {"entertainment", "entertainment", 6},
    {"telecommunications", "telecommunications", 6},
    {"services", "services", 5},
    {"employment", "employment", 4},
}};

//! A headquarters country: its correct name and how accounts.csv writes it.
struct Country {
  std::string_view name;
  std::string_view written;
};

//! United States first (most accounts), then the foreign countries in the order they are handed out.
inline constexpr std::array<Country, 15> kCountries{{
    {"United States", "United States"},
    {"Philippines", "Philipines"},
    {"Kenya", "Kenya"},
    {"Japan", "Japan"},
    {"Italy", "Italy"},
    {"Norway", "Norway"},
    {"Korea", "Korea"},
    {"Jordan", "Jordan"},
    {"Brazil", "Brazil"},
    {"Germany", "Germany"},
    {"Panama", "Panama"},
    {"Belgium", "Belgium"},
    {"Romania", "Romania"},
    {"Poland", "Poland"},
    {"China", "China"},
}};

}  // namespace crm::demo
