file(REMOVE_RECURSE
  "CMakeFiles/crm-assistant.dir/apps/cli/main.cpp.o"
  "CMakeFiles/crm-assistant.dir/apps/cli/main.cpp.o.d"
  "crm-assistant"
  "crm-assistant.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/crm-assistant.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
