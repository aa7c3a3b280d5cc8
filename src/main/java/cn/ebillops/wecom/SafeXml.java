package cn.ebillops.wecom;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.http.HttpStatus;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Parses WeCom's flat {@code <xml>} documents into a map of child elements. DOCTYPE is refused
 * outright, which shuts out external entities (XXE) and entity expansion.
 */
final class SafeXml {

    private SafeXml() {
    }

    static Map<String, String> parseFlat(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "malformed_xml", "XML 为空");
        }
        if (xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY")) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "xml_doctype_refused", "不接受含 DOCTYPE/实体声明的 XML");
        }
        try {
            Element root = builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            Map<String, String> out = new LinkedHashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node n = children.item(i);
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    out.put(n.getNodeName(), n.getTextContent());
                }
            }
            return out;
        } catch (CallbackRejected e) {
            throw e;
        } catch (Exception e) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "malformed_xml", "XML 格式错误");
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }
}
