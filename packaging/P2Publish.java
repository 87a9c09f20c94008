import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.core.runtime.adaptor.EclipseStarter;

/**
 * Runs the Equinox p2 publisher applications (from their Maven Central bundles) in a throw-away OSGi framework
 * and shuts it down again. EclipseStarter.main leaves the framework's non-daemon threads running after the
 * application returns, so the build would hang; here the framework is stopped and the exit code reflects the
 * application's result.
 *
 * Usage (Java single-file launch, org.eclipse.osgi on the class path):
 * java -cp org.eclipse.osgi.jar P2Publish.java BUNDLE_DIR CONFIG_DIR -application ID [application args...]
 * BUNDLE_DIR holds the publisher's bundles; org.eclipse.osgi.compatibility.state*.jar in it becomes a framework
 * extension (the publisher reads manifests through the old resolver state API).
 */
public final class P2Publish {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: P2Publish BUNDLE_DIR CONFIG_DIR -application ID [args...]");
            System.exit(2);
        }
        File bundleDir = new File(args[0]).getAbsoluteFile();
        File configDir = new File(args[1]).getAbsoluteFile();
        String[] appArgs = Arrays.copyOfRange(args, 2, args.length);

        List<String> bundles = new ArrayList<>();
        String extension = null;
        File[] jars = bundleDir.listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no publisher bundles in " + bundleDir);
        }
        Arrays.sort(jars);
        for (File jar : jars) {
            String name = jar.getName();
            String url = "reference:" + jar.toURI();
            if (name.startsWith("org.eclipse.osgi.compatibility.state")) {
                extension = url;
            } else if (name.startsWith("org.eclipse.osgi-")) {
                continue; // the framework itself, already on the class path
            } else if (name.startsWith("org.apache.felix.scr") || name.startsWith("org.eclipse.equinox.common")
                    || name.startsWith("org.eclipse.core.runtime")) {
                bundles.add(url + "@start"); // declarative services and the registry must run for p2's agent
            } else {
                bundles.add(url);
            }
        }
        Map<String, String> props = new HashMap<>();
        props.put("osgi.bundles", String.join(",", bundles));
        if (extension != null) {
            props.put("osgi.framework.extensions", extension);
        }
        props.put("osgi.configuration.area", configDir.toURI().toString());
        props.put("osgi.instance.area", new File(configDir, "workspace").toURI().toString());
        props.put("osgi.install.area", configDir.toURI().toString());
        props.put("osgi.noShutdown", "true");
        // As under the Eclipse launcher: p2 uses org.xml.sax/javax.xml without importing them.
        props.put("osgi.compatibility.bootdelegation", "true");
        props.put("eclipse.consoleLog", "true");
        EclipseStarter.setInitialProperties(props);
        Object result;
        try {
            result = EclipseStarter.run(appArgs, null);
        } finally {
            EclipseStarter.shutdown();
        }
        int code = Integer.valueOf(0).equals(result) ? 0 : 1;
        if (code != 0) {
            System.err.println("p2 application " + appArgs[1] + " failed (result " + result + ")");
        }
        System.exit(code);
    }
}
