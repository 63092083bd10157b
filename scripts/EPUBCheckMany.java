// Runs EPUBCheck 5 over several EPUB files in one JVM (the JVM takes ~5 s to start, and the
// EPUBCheck command line takes one file at a time). Prints EPUBCheck's messages and a summary
// per file; exits 1 if any file has a fatal error, an error or a warning.
//
//   java -cp "epubcheck.jar:lib/*" scripts/EPUBCheckMany.java a.epub b.epub …
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EPUBCheckMany {
    public static void main(String[] args) {
        int bad = 0;
        for (String path : args) {
            DefaultReportImpl report = new DefaultReportImpl(path);
            new EpubCheck(new File(path), report).doValidate();
            int fatals = report.getFatalErrorCount(), errors = report.getErrorCount(), warnings = report.getWarningCount();
            boolean ok = fatals == 0 && errors == 0 && warnings == 0;
            if (!ok) bad++;
            System.out.println((ok ? "ok    " : "FAIL  ") + path + ": " + fatals + " fatals / " + errors + " errors / " + warnings + " warnings");
        }
        System.out.println("EPUBCheck " + EpubCheck.version() + ": " + (args.length - bad) + " of " + args.length + " books valid");
        System.exit(bad == 0 ? 0 : 1);
    }
}
