#pragma once
// The invented sales organisation: 6 managers over 35 agents in the Central, East and West offices.

#include <array>
#include <string_view>

namespace crm::demo {

//! A sales manager and the regional office of the team.
struct Manager {
  std::string_view name;
  std::string_view office;
};

//! The six managers, two per office (the real team structure; the names are invented).
inline constexpr std::array<Manager, 6> kManagers{{
    {"Harriet Okafor", "Central"},
    {"Desmond Vale", "Central"},
    {"Priya Raman", "East"},
    {"Tobias Lindqvist", "East"},
    {"Marisol Ortega", "West"},
    {"Grant Whitfield", "West"},
}};

//! A sales agent: name, manager, planted skill (log-odds added to every deal) and share of deal volume.
struct Agent {
  std::string_view name;
  int manager;
  double skill;
  double deal_share;
};

//! The 35 agents in sales_teams.csv order; the five with a zero share are new hires without deals, as in the
//! real file, where 5 of the 35 agents have none.
// clang-format off
inline constexpr std::array<Agent, 35> kAgents{{
    {"Aiden Marsh", 0, 1.2, 450},
    {"Beatrix Collins", 0, -0.4, 300},
    {"Caleb Osei", 0, 0.2, 360},
    {"Dana Whitlock", 0, -1.3, 200},
    {"Elias Brandt", 0, 0.6, 260},
    {"Farah Nadeem", 1, 1.6, 740},
    {"Gideon Pryce", 1, -0.8, 340},
    {"Hana Sato", 1, 0.3, 280},
    {"Ivan Petrov", 1, -1.6, 310},
    {"Julia Castellano", 1, 0.0, 240},
    {"Kofi Mensah", 1, 0.0, 0},
    {"Lena Hartmann", 2, 0.9, 260},
    {"Marcus Doyle", 2, -0.2, 310},
    {"Nadia Rahimi", 2, 1.4, 160},
    {"Owen Gallagher", 2, -1.0, 120},
    {"Paloma Reyes", 2, 0.4, 110},
    {"Quentin Ashby", 2, 0.0, 0},
    {"Rhea Kapoor", 3, -0.6, 260},
    {"Silas Thornton", 3, 0.8, 350},
    {"Tamsin Blake", 3, -1.4, 270},
    {"Umar Siddiqui", 3, 0.1, 240},
    {"Vera Novak", 3, -0.3, 210},
    {"Wesley Harlan", 3, 0.0, 0},
    {"Xenia Morozova", 4, 1.0, 450},
    {"Yusuf Demir", 4, -0.9, 160},
    {"Zara Whitaker", 4, 0.5, 200},
    {"Ansel Moreau", 4, -0.5, 300},
    {"Bianca Ferraro", 4, 1.3, 180},
    {"Cyrus Bellamy", 4, 0.0, 0},
    {"Delia Summers", 5, -1.1, 270},
    {"Emeka Obi", 5, 0.7, 440},
    {"Freya Lund", 5, -0.1, 360},
    {"Hugo Sandoval", 5, 0.2, 350},
    {"Imogen Price", 5, -0.7, 290},
    {"Jasper Quinn", 5, 0.0, 0},
}};
// clang-format on

}  // namespace crm::demo
