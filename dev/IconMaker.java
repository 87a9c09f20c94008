import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Draws the 16x16 node and category icons into icons/ (run from the repository root:
 * {@code java dev/IconMaker.java}). The PNGs are committed; rerun only to change the artwork.
 */
public final class IconMaker {

    private static final Color RING = new Color(0x2E, 0x6F, 0x9E);
    private static final Color ACCENT = new Color(0xD9, 0x7B, 0x29);

    public static void main(String[] args) throws IOException {
        new File("icons").mkdirs();
        write("icons/gaudi.png", IconMaker::category);
        write("icons/reader.png", IconMaker::reader);
        write("icons/edmlearner.png", IconMaker::edmLearner);
        write("icons/predictorlearner.png", IconMaker::predictorLearner);
        write("icons/objective.png", IconMaker::objective);
        write("icons/sampler.png", IconMaker::sampler);
    }

    interface Painter {
        void paint(Graphics2D g);
    }

    static void write(String path, Painter p) throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        p.paint(g);
        g.dispose();
        ImageIO.write(img, "png", new File(path));
    }

    /** A regular hexagon (pointy top) centred at (cx, cy) with circumradius r. */
    static Path2D hexagon(double cx, double cy, double r) {
        Path2D h = new Path2D.Double();
        for (int i = 0; i < 6; i++) {
            double a = Math.toRadians(90 + 60 * i);
            double x = cx + r * Math.cos(a);
            double y = cy - r * Math.sin(a);
            if (i == 0) {
                h.moveTo(x, y);
            } else {
                h.lineTo(x, y);
            }
        }
        h.closePath();
        return h;
    }

    /** Category: two fused benzene rings (naphthalene) with a guiding arrow dot. */
    static void category(Graphics2D g) {
        double r = 4.2;
        double dx = r * Math.sqrt(3);
        g.setStroke(new BasicStroke(1.4f));
        g.setColor(RING);
        g.draw(hexagon(8 - dx / 2, 8, r));
        g.draw(hexagon(8 + dx / 2, 8, r));
        g.setColor(ACCENT);
        g.fillOval(12, 1, 3, 3);
    }

    /** Reader: a benzene ring over table lines (molecules in, rows out). */
    static void reader(Graphics2D g) {
        g.setColor(new Color(0xF4, 0xF4, 0xF4));
        g.fillRect(1, 9, 14, 6);
        g.setColor(new Color(0x80, 0x80, 0x80));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(1, 9, 14, 6);
        g.drawLine(1, 12, 15, 12);
        g.drawLine(6, 9, 6, 15);
        g.setStroke(new BasicStroke(1.4f));
        g.setColor(RING);
        g.draw(hexagon(8, 5.2, 4.2));
        g.setColor(ACCENT);
        g.fillOval(7, 4, 3, 3);
    }

    /** EDM Learner: noise dots (left) that become a ring (right). */
    static void edmLearner(Graphics2D g) {
        g.setColor(new Color(0x90, 0x90, 0x90));
        int[][] dots = {{1, 3}, {4, 1}, {2, 8}, {5, 6}, {1, 13}, {4, 11}};
        for (int[] d : dots) {
            g.fillOval(d[0], d[1], 2, 2);
        }
        g.setStroke(new BasicStroke(1.4f));
        g.setColor(RING);
        g.draw(hexagon(11, 8, 4.2));
        g.setColor(ACCENT);
        g.fillOval(6, 7, 2, 2);
    }

    /** Property Predictor Learner: a ring and a bar chart of predicted values. */
    static void predictorLearner(Graphics2D g) {
        g.setStroke(new BasicStroke(1.4f));
        g.setColor(RING);
        g.draw(hexagon(5, 5.5, 4.0));
        g.setColor(ACCENT);
        g.fillRect(9, 10, 2, 5);
        g.fillRect(12, 6, 2, 9);
        g.setColor(new Color(0x80, 0x80, 0x80));
        g.setStroke(new BasicStroke(1f));
        g.drawLine(1, 15, 15, 15);
    }

    /** Objective: a target (bullseye) with an upward arrow. */
    static void objective(Graphics2D g) {
        g.setStroke(new BasicStroke(1.3f));
        g.setColor(RING);
        g.drawOval(1, 3, 12, 12);
        g.drawOval(4, 6, 6, 6);
        g.setColor(ACCENT);
        g.fillOval(6, 8, 2, 2);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(13, 9, 13, 1);
        g.drawLine(13, 1, 10, 4);
        g.drawLine(13, 1, 15, 3);
    }

    /** Guided Sampler: two fused rings with a guiding arrow into them. */
    static void sampler(Graphics2D g) {
        double r = 3.6;
        double dx = r * Math.sqrt(3);
        g.setStroke(new BasicStroke(1.3f));
        g.setColor(RING);
        g.draw(hexagon(10 - dx / 2, 10, r));
        g.draw(hexagon(10 + dx / 2, 10, r));
        g.setColor(ACCENT);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(1, 1, 6, 6);
        g.drawLine(6, 6, 6, 3);
        g.drawLine(6, 6, 3, 6);
    }
}
