package dm.jdbc.driver;
import java.sql.*;
import java.util.Properties;
import java.util.logging.Logger;
/** Stand-in for DM8's driver: proves a jar in loader.path is found by DriverManager. */
public class DmDriver implements Driver {
    static { try { DriverManager.registerDriver(new DmDriver()); } catch (SQLException e) { throw new RuntimeException(e); } }
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) return null;
        throw new SQLException("fake DM8 driver loaded from loader.path: no server at " + url);
    }
    public boolean acceptsURL(String url) { return url != null && url.startsWith("jdbc:dm:"); }
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) { return new DriverPropertyInfo[0]; }
    public int getMajorVersion() { return 8; }
    public int getMinorVersion() { return 1; }
    public boolean jdbcCompliant() { return false; }
    public Logger getParentLogger() { return Logger.getGlobal(); }
}
