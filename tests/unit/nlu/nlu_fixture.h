#pragma once
// A small hand-built CRM for the entity-linking tests and helpers to read linked queries.

#include <map>
#include <string>

#include "crm/data/dataset.h"
#include "crm/nlu/linked_query.h"

namespace crm::nlu::test {

//! Accounts Acme Corporation, Kan-code, Konex, Initech, Cheers, Newex, Gekko & Co, The New York
//! Inquirer, Umbrella Corporation, Betatech; products GTX Basic, GTX Pro, GTX Plus Basic, GTX Plus Pro,
//! MG Special, MG Advanced, GTK 500 (series GTX, MG, GTK); agents Moses Frase, Darcel Schlecht, Anna
//! Snelling, Anna Cosme, Carol Thompson, Carl Lin; managers Dustin Brinkmann, Melvin Marxen, Celia Rouche;
//! offices Central, East, West; sectors technology, software, retail, finance, entertainment,
//! services, medical, telecommunications; countries United States, Japan, Korea; one deal 1C1I7A6R.
const Dataset& NamesCrm();

//! Every entity of a linked query as key → value (the first span of each key).
std::map<std::string, std::string> Entities(const LinkedQuery& query);

//! The day number of an ISO date.
int32_t AsOf(const std::string& iso_date);

}  // namespace crm::nlu::test
