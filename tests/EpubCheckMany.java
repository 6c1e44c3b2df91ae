// EPUBCheck over many files in one JVM: a line "EPUB<tab>REPORT" on standard input for each; the JSON report
// is written to REPORT and "checked EXIT" is printed. Started once per test process, a check
// takes tens of milliseconds instead of the three seconds a JVM of its own takes to start and warm up.
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

public class EpubCheckMany {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] paths = line.split("\t");
            int exit = new EpubChecker().run(new String[] {paths[0], "-q", "--json", paths[1]});
            System.out.println("checked " + exit);
            System.out.flush();
        }
    }
}
