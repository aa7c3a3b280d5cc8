package dm.jdbc.driver;
import java.sql.DriverManager;
/** Run as loader.main: says whether DriverManager, in the launched class loader, finds a driver for jdbc:dm:. */
public class DriverCheck {
    public static void main(String[] args) throws Exception {
        try {
            DriverManager.getConnection("jdbc:dm://127.0.0.1:5236");
        } catch (java.sql.SQLException e) {
            System.out.println(e.getMessage());
        }
    }
}
