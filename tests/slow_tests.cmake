# Read by ctest after the tests GoogleTest lists (tests/CMakeLists.txt): the longest tests, started
# first. ctest -j runs tests in decreasing COST; on a first run (a clean clone, as CI) it has no
# times of its own yet and would start them in the order they are listed, which left one of them
# running alone at the end. A name that no longer exists is ignored; a long test missing here only
# costs time. The tests ctest itself lists (install.*, report.chromium, schema.*) get their COST in
# tests/CMakeLists.txt.
foreach(test IN ITEMS
        HostileInput.LargeDefinitionsOfManySubscalesLoadInLinearTime
        HostileInput.LargeDefinitionsOfManyItemsLoadInLinearTime
        HostileInput.AResponseToManyItemsIsScoredInLinearTime
        HostileInput.ItemColumnsOfALargeDefinitionAreFoundInLinearTime
        HostileInput.RowsUnderACsvHeaderAreReadInLinearTime
        Readers.PandasReadsBooleansAsBoolAndCountsAsIntegers
        Readers.RReadsBooleansAsLogicalAndCountsAsIntegers
        Readers.CsvTextIsWhatBothReadersRecognise
        Readers.EveryColumnHoldsOneType
        ItemScreen.WholeItemOrAskForALargerWindowAtEverySize
        Compare.EveryTableInEveryMachineFormat
        ExitPaths.EveryOutputToAFullDiskIsExitThreeWithAMessage
        ExitPaths.NonsenseNumbersAreUsageErrorsNamingTheOption
        HelpExamples.EveryCommandsExamplesRunAsShown
        Readme.EveryExamplePrintsWhatTheReadmeShows
        Stats.CountsAreWholeNumbersInEveryFormat
        EncodingTest.LargeFilesAcrossReadBoundaries)
  set_tests_properties(${test} PROPERTIES COST 100)
endforeach()
