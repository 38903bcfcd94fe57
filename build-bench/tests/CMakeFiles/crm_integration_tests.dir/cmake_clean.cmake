file(REMOVE_RECURSE
  "CMakeFiles/crm_integration_tests.dir/integration/cli_test.cpp.o"
  "CMakeFiles/crm_integration_tests.dir/integration/cli_test.cpp.o.d"
  "CMakeFiles/crm_integration_tests.dir/integration/import_integration_test.cpp.o"
  "CMakeFiles/crm_integration_tests.dir/integration/import_integration_test.cpp.o.d"
  "CMakeFiles/crm_integration_tests.dir/support/test_support.cpp.o"
  "CMakeFiles/crm_integration_tests.dir/support/test_support.cpp.o.d"
  "crm_integration_tests"
  "crm_integration_tests.pdb"
  "crm_integration_tests[1]_tests.cmake"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/crm_integration_tests.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
