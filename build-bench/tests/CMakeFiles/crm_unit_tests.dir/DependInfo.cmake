
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/tests/support/test_support.cpp" "tests/CMakeFiles/crm_unit_tests.dir/support/test_support.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/support/test_support.cpp.o.d"
  "/work/main/tests/unit/common/date_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/common/date_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/common/date_test.cpp.o.d"
  "/work/main/tests/unit/common/utf8_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/common/utf8_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/common/utf8_test.cpp.o.d"
  "/work/main/tests/unit/demo/account_names_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/account_names_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/account_names_test.cpp.o.d"
  "/work/main/tests/unit/demo/accounts_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/accounts_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/accounts_test.cpp.o.d"
  "/work/main/tests/unit/demo/activity_subjects_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/activity_subjects_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/activity_subjects_test.cpp.o.d"
  "/work/main/tests/unit/demo/csv_writer_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/csv_writer_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/csv_writer_test.cpp.o.d"
  "/work/main/tests/unit/demo/demo_data_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/demo_data_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/demo_data_test.cpp.o.d"
  "/work/main/tests/unit/demo/id_permutation_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/id_permutation_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/id_permutation_test.cpp.o.d"
  "/work/main/tests/unit/demo/random_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/random_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/random_test.cpp.o.d"
  "/work/main/tests/unit/demo/timeline_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/timeline_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/timeline_test.cpp.o.d"
  "/work/main/tests/unit/demo/weighted_picker_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/weighted_picker_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/weighted_picker_test.cpp.o.d"
  "/work/main/tests/unit/demo/win_model_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/win_model_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/demo/win_model_test.cpp.o.d"
  "/work/main/tests/unit/ingest/csv_reader_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/csv_reader_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/csv_reader_test.cpp.o.d"
  "/work/main/tests/unit/ingest/field_parsers_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/field_parsers_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/field_parsers_test.cpp.o.d"
  "/work/main/tests/unit/ingest/importer_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/importer_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/importer_test.cpp.o.d"
  "/work/main/tests/unit/ingest/reference_resolver_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/reference_resolver_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/reference_resolver_test.cpp.o.d"
  "/work/main/tests/unit/ingest/text_cleaning_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/text_cleaning_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/text_cleaning_test.cpp.o.d"
  "/work/main/tests/unit/ingest/typo_detector_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/typo_detector_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/ingest/typo_detector_test.cpp.o.d"
  "/work/main/tests/unit/store/default_path_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/default_path_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/default_path_test.cpp.o.d"
  "/work/main/tests/unit/store/import_record_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/import_record_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/import_record_test.cpp.o.d"
  "/work/main/tests/unit/store/migration_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/migration_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/migration_test.cpp.o.d"
  "/work/main/tests/unit/store/sample_data.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/sample_data.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/sample_data.cpp.o.d"
  "/work/main/tests/unit/store/sqlite_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/sqlite_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/sqlite_test.cpp.o.d"
  "/work/main/tests/unit/store/store_test.cpp" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/store_test.cpp.o" "gcc" "tests/CMakeFiles/crm_unit_tests.dir/unit/store/store_test.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-bench/CMakeFiles/crm.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
