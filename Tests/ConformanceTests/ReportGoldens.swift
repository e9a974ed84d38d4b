/// Golden reports of `ReportWriterTests.sampleReport()` (reviewed by hand; regenerate only on purpose).
extension ReportWriterTests {
    static let junitGolden = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="conformance" tests="6" failures="1" errors="1" skipped="1" time="1.500" timestamp="2026-01-02T03:04:05.678Z">
          <testsuite name="Vectors/sample_test.json" tests="4" failures="1" errors="0" skipped="1" time="0.250" timestamp="2026-01-02T03:04:05.678Z">
            <properties>
              <property name="kind" value="vectors"/>
              <property name="schema" value="rsassa_pkcs1_generate_schema_v1.json"/>
              <property name="algorithm" value="RSASSA-PKCS1-v1_5"/>
              <property name="acceptable" value="0 accepted, 1 rejected"/>
            </properties>
            <testcase classname="Vectors/sample_test.json" name="tcId 1" time="0.001"/>
            <testcase classname="Vectors/sample_test.json" name="tcId 2" time="0.002">
              <system-out>acceptable case: rejected</system-out>
            </testcase>
            <testcase classname="Vectors/sample_test.json" name="tcId 3" time="0.003">
              <failure message="signature differs (sig &lt;&amp;&gt; &apos;x&apos;) [WeakHash]" type="WEAK_PARAMS">reason: signature differs
        case: Vectors/sample_test.json#3 (testGroups[1])
        comment: sig &lt;&amp;&gt; 'x'
        flags:
          - WeakHash (WEAK_PARAMS): uses &lt;MD5&gt; &amp; "friends"
        result: expected valid, actual different output
        expected bytes (3): 010203
        actual bytes   (3): 01ff03
        first difference at byte 1</failure>
            </testcase>
            <testcase classname="Vectors/sample_test.json" name="tcId 4" time="0.000">
              <skipped message="hash SHA-224 is not supported"/>
            </testcase>
          </testsuite>
          <testsuite name="Vectors/broken_test.json" tests="1" failures="0" errors="1" skipped="0" time="0.000" timestamp="2026-01-02T03:04:05.678Z">
            <properties>
              <property name="kind" value="vectors"/>
            </properties>
            <testcase classname="Vectors/broken_test.json" name="load" time="0.000">
              <error message="Vectors/broken_test.json: end of file (byte 10): not valid JSON" type="MalformedVectorFile">Vectors/broken_test.json: end of file (byte 10): not valid JSON</error>
            </testcase>
          </testsuite>
          <testsuite name="cross-check: md5" tests="1" failures="0" errors="0" skipped="0" time="0.500" timestamp="2026-01-02T03:04:05.678Z">
            <properties>
              <property name="kind" value="check"/>
            </properties>
            <testcase classname="cross-check: md5" name="tcId 1" time="0.500"/>
          </testsuite>
        </testsuites>

        """#

    static let markdownGolden = #"""
        # RsaUtils conformance: ERROR

        Run 2026-01-02T03:04:05.678Z (1.50s); Swift 6.3, GMP 6.2.1, JDK 17.0.15, commons-codec 1.15.

        **5 cases in 3 suites: 3 passed, 1 failed, 1 skipped, 1 unreadable vector file.** Acceptable cases: 0 accepted, 1 rejected (both pass).

        | suite | cases | passed | failed | skipped | acceptable (accepted/rejected) | time |
        |---|---:|---:|---:|---:|---:|---:|
        | `Vectors/sample_test.json` | 4 | 2 | 1 | 1 | 0/1 | 0.25s |
        | `Vectors/broken_test.json` **(error)** | 0 | 0 | 0 | 0 | 0/0 | 0.00s |
        | `cross-check: md5` | 1 | 1 | 0 | 0 | 0/0 | 0.50s |

        ## Unreadable or malformed vector files (1)

        - Vectors/broken\_test.json: end of file (byte 10): not valid JSON

        ## Failures (1)

        ### WeakHash (1) — WEAK_PARAMS

        uses &lt;MD5&gt; & "friends"

        - `Vectors/sample_test.json` tcId 3 (sig &lt;&&gt; 'x'): signature differs — expected valid, actual different output
          - expected: `010203`
          - actual: `01ff03`
          - first difference at byte 1

        ## Skipped (1)

        | suite | reason | cases |
        |---|---|---:|
        | `Vectors/sample_test.json` | hash SHA-224 is not supported | 1 |

        ## Ignored files (1)

        - `Vectors/package.json`: not a vector file

        """#
}
