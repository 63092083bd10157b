// The libxml2 wrapper shared by the HTML and EPUB readers lives here.
import CLibXML2
