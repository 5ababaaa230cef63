package dev.medi.patient.repository;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeSqlTest {

    @Test
    void numbersParametersInTheOrderTheyAreAdded() {
        NativeSql sql = new NativeSql();
        String mrn = sql.param("1000000064");
        sql.append("select id from patients where mrn = " + mrn + " or mrn_old = " + mrn)
                .appendParam(" limit ", 20);

        assertEquals("select id from patients where mrn = ?1 or mrn_old = ?1 limit ?2", sql.text());
        assertEquals(List.of("1000000064", 20), sql.parameters());
    }

    @Test
    void bindsEveryParameterByItsOneBasedPosition() {
        NativeSql sql = new NativeSql();
        sql.append("a = " + sql.param("x") + " and b = " + sql.param(2) + " and c = " + sql.param(null));
        List<String> bound = new ArrayList<>();
        sql.bind((position, value) -> bound.add(position + "=" + value));

        assertEquals(List.of("1=x", "2=2", "3=null"), bound);
    }

    @Test
    void parametersMayBeAddedBeforeTheTextThatUsesThem() {
        NativeSql sql = new NativeSql();
        String basis = "coalesce(" + sql.param("a") + ", " + sql.param("b") + ")";
        sql.append("select ").append(basis).appendParam(" from t where id = ", 7);

        assertEquals("select coalesce(?1, ?2) from t where id = ?3", sql.text());
        assertEquals(List.of("a", "b", 7), sql.parameters());
    }

    @Test
    void accessScopeUsesTheSameNumbering() {
        NativeSql sql = new NativeSql();
        AccessScope scope = new AccessScope.Unrestricted("front-desk");

        assertEquals("cast(?1 as text)", scope.basis("p.id", sql::param));
        assertEquals("true", scope.visible("p.id", sql::param));
        assertEquals(List.of("front-desk"), sql.parameters());
    }
}
